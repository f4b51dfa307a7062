namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// Oldham's whole case through the bot (seed-000), reviewed against the seed. What it shows:
/// Day 0 is Maundy Thursday 25 March 2027 (received 10 am, before the 4 pm cut-off); Good Friday and
/// Easter Monday are not working days, so Day 1 is Tuesday 30 March, Day 2 (agency summaries
/// requested, §5/§6) Wednesday 31 March, Day 5 (National Panel notified "within 5 working days", §4)
/// Monday 5 April, Day 7 (returns, §6) Wednesday 7 April, Day 10–11 (meeting, §5) Monday 12 – Tuesday
/// 13 April, Day 13 (report to the panel, §8.2) Thursday 15 April, Day 14 (sign-off "by 4pm", §8.3)
/// Friday 16 April and Day 15 (submission "by 4.00pm", §8.4) Monday 19 April. The Virtual Panel
/// decides on Day 0 with health's deputy voting; the draft report starts itself at 9 am on Day 8
/// (§8.2 step 1); the papers go the working day before the meeting ("at least one day prior", §5);
/// the three leads accept the invitation in their calendars the afternoon it is booked; the
/// meeting's outcome card records the meeting held with all three partners. The Rapid Review
/// Panel's own sign-off (§8.2 step 4) is marked done before the report goes to the statutory partners
/// on the sign-off cards, which is when the bot records the report as drafted and sent for sign-off;
/// two of three sign, one a deputy (§8.3: "Minimum of 2 out of 3 Partners or appropriate deputy"), and
/// the report is submitted on Day 15 before 4 pm, so the 2 pm countdown never comes. Lesson logs are
/// asked of the three agencies at the meeting and due two weeks after it (§9.4), Monday 26 April; the
/// police's comes a day late, so the deadline is escalated at 5 pm and marked done when it arrives.
/// The moderation meeting (§9.4, "3-6 months following the review") is due six months after the
/// meeting, Tuesday 12 October 2027, reminded the day before and on the day, and marking it done
/// closes the case. No LCSPR is recommended, so none is chased; Oldham asks for no outcome letters.
/// The report's SHA-256 differs from run to run (the document's own timestamps), so it reads ‹hash›.
/// </summary>
internal static class OldhamWholeCaseStory
{
    /// <summary>Maundy Thursday 2027, 10 am: the case runs over Easter.</summary>
    public static readonly DateTimeOffset Received = new(2027, 3, 25, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Lines =
    [
        "Thursday 25 March 2027, 10 am — TeamsReviewBot opened case RR-OLD-2027-0001 (referral received Thursday 25 March 2027, 10 am; Day 0 is Thursday 25 March 2027): Referral received by e-mail at the partnership mailbox.",
        "Thursday 25 March 2027, 10 am — The referral email was received and read: Serious harm: physical abuse, age band 5 to 10; the child's details were sealed apart from the case.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot recorded the Case Factors ticked on the referral form: Parental mental health, Physical abuse, Domestic abuse.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot posted the case to the panel's channel thread.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot put the referral to the panel.",
        "Thursday 25 March 2027, 10 am — The referrer was sent the acknowledgement with the case code.",
        "Thursday 25 March 2027, 11 am — Lola Adeyemi answered the threshold questions for the Assistant Director for Safeguarding/Quality Assurance.",
        "Thursday 25 March 2027, 11 am — Lola Adeyemi (panel member, la) voted Progression to Rapid Review for the Assistant Director for Safeguarding/Quality Assurance: Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — Pat Okafor answered the threshold questions for the Superintendent/Detective Chief Inspector – GMP.",
        "Thursday 25 March 2027, 11 am — Pat Okafor (panel member, police) voted Progression to Rapid Review for the Superintendent/Detective Chief Inspector – GMP: Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — Dev Shah answered the threshold questions for the Designated Nurse/Head of Safeguarding – NHS ICB Oldham.",
        "Thursday 25 March 2027, 11 am — Dev Shah (deputy, health) voted Progression to Rapid Review for the Designated Nurse/Head of Safeguarding – NHS ICB Oldham as deputy: Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot recorded the decision: Progression to Rapid Review. 3 of 3 seats agreed on Progression to Rapid Review (at least 2 needed).",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot told the referrer the outcome (rapid-review).",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001 (Oldham Safeguarding Children Partnership): the threshold decision is \"Progression to Rapid Review\". Next: notify the National Panel by Monday 5 April 2027, 5 pm, then press \"Record National Panel notified\" on the case's card (or type: notified RR-OLD-2027-0001 ‹date›). Information requests (Single Agency Summary Template (PRACTICE CASE REVIEW – SINGLE AGENCY SUMMARY) and Chronolator chronology file and guidance) are due to go to every agency that knew the child by Wednesday 31 March 2027, 5 pm: type \"requests RR-OLD-2027-0001 choose\" in your chat with me to choose the agencies and send them; they go out on Wednesday 31 March 2027, 9 am, the start of the day they are due to be sent. The referrer (pat.example@hollybank.school.example) has been emailed the decision and its rationale.",
        "Thursday 25 March 2027, 2 pm — Bea Manning (business manager) recorded that the National Panel was notified: Notified on Thursday 25 March 2027 (recorded by Bea Manning).",
        "Thursday 25 March 2027, 2.30 pm — Bea Manning chose Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit to ask for information: requests go out Wednesday 31 March 2027, due back Wednesday 7 April 2027.",
        "Thursday 25 March 2027, 2.30 pm — The return card was posted in the case's thread.",
        "Thursday 25 March 2027, 3 pm — Bea Manning (business manager) scheduled the meeting: Meeting booked to Monday 12 April 2027, 9 am.",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Lola Adeyemi (the local authority) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Pat Okafor (the police) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Hana Brook (health) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Agency summaries requested' is due Wednesday 31 March 2027, 5 pm.",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Agency summaries requested' is due Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Agency summaries requested' is due Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Agency summaries requested' is due today, Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 9 am — The information request to Hollybank Primary School was sent, due back Wednesday 7 April 2027.",
        "Wednesday 31 March 2027, 9 am — The information request to Millbrook Medical Practice was sent, due back Wednesday 7 April 2027.",
        "Wednesday 31 March 2027, 9 am — The information request to Police Public Protection Unit was sent, due back Wednesday 7 April 2027.",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot requested information: Single Agency Summary Template (PRACTICE CASE REVIEW – SINGLE AGENCY SUMMARY) and Chronolator chronology file and guidance sent to 3 agencies, with the request to secure records.",
        "Thursday 1 April 2027, 10 am — Hollybank Primary School replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Friday 2 April 2027, 10 am — Millbrook Medical Practice replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Monday 5 April 2027, 10 am — Police Public Protection Unit replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Monday 5 April 2027, 10 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (every agency has answered).",
        "Monday 5 April 2027, 10 am — TeamsReviewBot recorded the agency returns as complete: Every agency has returned its information or said it holds no records.",
        "Monday 5 April 2027, 10 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: the multi-agency chronology is ready to check (0 entries from 3 returned documents; every agency has answered).",
        "Thursday 8 April 2027, 9 am — TeamsReviewBot stored version 1 of the report (SHA-256 ‹hash›…): Draft generated from the case at the playbook's point to start the report.",
        "Thursday 8 April 2027, 9 am — TeamsReviewBot told the business managers: version 1 of the draft Rapid Review report, pre-filled from the case, was emailed from the partnership mailbox to Bea Manning.",
        "Thursday 8 April 2027, 9 am — Report version announced.",
        "Friday 9 April 2027, 9 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (for the meeting papers).",
        "Friday 9 April 2027, 9 am — TeamsReviewBot sent the meeting papers (4 documents, 3 agency returns) to 7 attendees for the meeting of Monday 12 April 2027, 9 am.",
        "Friday 9 April 2027, 9 am — TeamsReviewBot marked 'Collated returns sent to the panel' done: The meeting papers were sent to the attendees.",
        "Monday 12 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review meeting' is due Tuesday 13 April 2027, 5 pm.",
        "Monday 12 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Rapid Review meeting' is due Tuesday 13 April 2027, 5 pm.",
        "Monday 12 April 2027, 11 am — Bea Manning (business manager) recorded the meeting as held, with the local authority, the police and health present.",
        "Monday 12 April 2027, 11 am — Bea Manning (business manager) recorded the meeting's outcome: practice review recommended: no.",
        "Monday 12 April 2027, 11 am — TeamsReviewBot asked for the lesson logs: Sent to Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit; due Monday 26 April 2027, 5 pm.",
        "Monday 12 April 2027, 11 am — TeamsReviewBot told the business managers: the lesson logs for case RR-OLD-2027-0001 were asked of Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit, due Monday 26 April 2027, 5 pm. Each is recorded when it comes back with RR-OLD-2027-0001 in the subject; you are reminded before the due date.",
        "Tuesday 13 April 2027, 10 am — Bea Manning (business manager) stored version 2 of the report (SHA-256 ‹hash›…): Draft generated from the case on request in Teams.",
        "Tuesday 13 April 2027, 10 am — Report version announced.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Report finalised and sent to the panel for comments' is due Thursday 15 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report finalised and sent to the panel for comments' is due Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Report finalised and sent to the panel for comments' is due Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report finalised and sent to the panel for comments' is due today, Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Statutory partners' sign-off' is due Friday 16 April 2027, 4 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Statutory partners' sign-off' is due Friday 16 April 2027, 4 pm.",
        "Thursday 15 April 2027, 11 am — Bea Manning (business manager) marked 'Rapid Review Panel comments on and signs off the draft report' done: Panel comments in; sent to the statutory partners.",
        "Thursday 15 April 2027, 2 pm — Bea Manning (business manager) recorded the report as drafted: Report drafted and sent for sign-off.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Statutory partners' sign-off' is due Friday 16 April 2027, 4 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Statutory partners' sign-off' is due today, Friday 16 April 2027, 4 pm.",
        "Friday 16 April 2027, 9 am — Sign off reminder sent.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Report sent to the National Panel' is due Monday 19 April 2027, 4 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report sent to the National Panel' is due Monday 19 April 2027, 4 pm.",
        "Friday 16 April 2027, 10.10 am — Dev Shah (deputy, health) signed off for the Designated Nurse/Head of Safeguarding – NHS ICB Oldham as deputy: Signed off version 2 of the report.",
        "Friday 16 April 2027, 10.20 am — Lola Adeyemi (panel member, la) signed off for the Assistant Director for Safeguarding/Quality Assurance: Signed off version 2 of the report.",
        "Friday 16 April 2027, 10.20 am — TeamsReviewBot recorded the report as signed off: 2 of 3 partners signed off (1 by a deputy); 2 needed.",
        "Friday 16 April 2027, 10.20 am — TeamsReviewBot told the business managers: the report (version 2) is signed off and ready for the National Panel, due by Monday 19 April 2027, 4 pm (Report sent to the National Panel). Check the covering letter and press Submit, or type \"submit RR-OLD-2027-0001\".",
        "Monday 19 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Report sent to the National Panel' is due Monday 19 April 2027, 4 pm.",
        "Monday 19 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report sent to the National Panel' is due today, Monday 19 April 2027, 4 pm.",
        "Monday 19 April 2027, 10 am — Bea Manning (business manager) submitted the report: Version 2 of the report emailed to Mailbox.NationalReviewPanel@education.gov.uk from the partnership mailbox (seed-000 §8.4 (AppA address; Body 'by 4.00pm on Day 15')).",
        "Monday 19 April 2027, 10 am — TeamsReviewBot started the afterwards steps.",
        "Monday 19 April 2027, 10 am — TeamsReviewBot planned the outcome letters: The Oldham Safeguarding Children Partnership procedure asks for no outcome letters from the bot.",
        "Monday 19 April 2027, 10 am — TeamsReviewBot told the business managers: the report on case RR-OLD-2027-0001 is with the National Panel and its afterwards steps have started. Still open: lesson-log (Lesson logs returned by agencies, due Monday 26 April 2027, 5 pm); moderation (Moderation meeting with agencies, due Tuesday 12 October 2027, 5 pm). Type \"done RR-OLD-2027-0001 ‹item› [note]\" as each is done; you are reminded before each is due.",
        "Wednesday 21 April 2027, 10 am — TeamsReviewBot recorded a returned lesson log: From Hollybank Primary School, matched by the case code in the subject.",
        "Wednesday 21 April 2027, 10 am — TeamsReviewBot told the business managers: the lesson log from Hollybank Primary School for case RR-OLD-2027-0001 arrived in the partnership mailbox and is recorded. Still to come: Millbrook Medical Practice, Police Public Protection Unit.",
        "Friday 23 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Lesson logs returned by agencies' is due Monday 26 April 2027, 5 pm.",
        "Friday 23 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Lesson logs returned by agencies' is due Monday 26 April 2027, 5 pm.",
        "Friday 23 April 2027, 10 am — TeamsReviewBot recorded a returned lesson log: From Millbrook Medical Practice, matched by the case code in the subject.",
        "Friday 23 April 2027, 10 am — TeamsReviewBot told the business managers: the lesson log from Millbrook Medical Practice for case RR-OLD-2027-0001 arrived in the partnership mailbox and is recorded. Still to come: Police Public Protection Unit.",
        "Monday 26 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Lesson logs returned by agencies' is due Monday 26 April 2027, 5 pm.",
        "Monday 26 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Lesson logs returned by agencies' is due today, Monday 26 April 2027, 5 pm.",
        "Monday 26 April 2027, 5 pm — TeamsReviewBot escalated a missed deadline: 'Lesson logs returned by agencies' was due Monday 26 April 2027, 5 pm.",
        "Monday 26 April 2027, 5 pm — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Lesson logs returned by agencies' was due Monday 26 April 2027, 5 pm and is not done. Where the case stands: in its afterwards steps.",
        "Tuesday 27 April 2027, 10 am — TeamsReviewBot recorded a returned lesson log: From Police Public Protection Unit, matched by the case code in the subject.",
        "Tuesday 27 April 2027, 10 am — TeamsReviewBot marked 'Lesson logs returned by agencies' done: Every agency asked has returned its lesson log.",
        "Tuesday 27 April 2027, 10 am — TeamsReviewBot told the business managers: the lesson log from Police Public Protection Unit for case RR-OLD-2027-0001 arrived in the partnership mailbox and is recorded. Every agency asked has returned its lesson log, so that item is done.",
        "Monday 11 October 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Moderation meeting with agencies' is due Tuesday 12 October 2027, 5 pm.",
        "Monday 11 October 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Moderation meeting with agencies' is due Tuesday 12 October 2027, 5 pm.",
        "Tuesday 12 October 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Moderation meeting with agencies' is due Tuesday 12 October 2027, 5 pm.",
        "Tuesday 12 October 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Moderation meeting with agencies' is due today, Tuesday 12 October 2027, 5 pm.",
        "Tuesday 12 October 2027, 11 am — Bea Manning (business manager) marked 'Moderation meeting with agencies' done: Done, with the evidence in the case folder.",
        "Tuesday 12 October 2027, 11 am — TeamsReviewBot closed the case: Nothing remains open: Lesson logs returned by agencies; Moderation meeting with agencies.",
        "Tuesday 12 October 2027, 11 am — TeamsReviewBot told the business managers: case RR-OLD-2027-0001 is closed: nothing remains open. Type \"cases closed\" to see closed cases.",
    ];
}
