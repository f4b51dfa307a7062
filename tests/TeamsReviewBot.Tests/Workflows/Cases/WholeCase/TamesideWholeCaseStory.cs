namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// Tameside's whole case through the bot (seed-001), reviewed against the seed. What it shows: Day 0
/// is Maundy Thursday 25 March 2027; over Easter Day 2 (templates sent to the Practice Review Panel
/// members, the Body's "Day 2"; the Flow's Day 3 is the variant) is Wednesday 31 March, Day 10
/// (returns, "within 10 working days") Monday 12 April, Day 13 (the meeting, the first slot offered)
/// Thursday 15 April, Day 14 (report and recommendation shared with the three partners, met when the
/// sign-off cards go out) Friday 16 April and Day 15 (agreement and submission) Monday 19 April. The
/// screening panel's three leads vote (no deputies); all three partners sign off, as the seed
/// requires; the report is submitted the same morning. After submission the referrer's outcome letter
/// goes at once, which is the one afterwards item with nothing else open (no LCSPR recommended), so
/// the case closes then. The report's SHA-256 differs from run to run, so it reads ‹hash›.
/// </summary>
internal static class TamesideWholeCaseStory
{
    /// <summary>Maundy Thursday 2027, 10 am: the case runs over Easter.</summary>
    public static readonly DateTimeOffset Received = new(2027, 3, 25, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Lines =
    [
        "Thursday 25 March 2027, 10 am — TeamsReviewBot opened case RR-TAM-2027-0001 (referral received Thursday 25 March 2027, 10 am; Day 0 is Thursday 25 March 2027): Referral received by e-mail at the partnership mailbox.",
        "Thursday 25 March 2027, 10 am — The referral email was received and read: Serious harm: physical abuse, age band 5 to 10; the child's details were sealed apart from the case.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot recorded the Case Factors ticked on the referral form: Parental mental health, Physical abuse, Domestic abuse.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot posted the case to the panel's channel thread.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot put the referral to the panel.",
        "Thursday 25 March 2027, 10 am — The referrer was sent the acknowledgement with the case code.",
        "Thursday 25 March 2027, 11 am — Lola Adeyemi answered the threshold questions for the Local Authority (TMBC) – Head of Safeguarding and Quality Assurance.",
        "Thursday 25 March 2027, 11 am — Lola Adeyemi (panel member, la) voted Meets threshold for Rapid Review for the Local Authority (TMBC) – Head of Safeguarding and Quality Assurance: Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — Pat Okafor answered the threshold questions for the Police (GMP).",
        "Thursday 25 March 2027, 11 am — Pat Okafor (panel member, police) voted Meets threshold for Rapid Review for the Police (GMP): Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — Hana Brook answered the threshold questions for the Health (CCG).",
        "Thursday 25 March 2027, 11 am — Hana Brook (panel member, health) voted Meets threshold for Rapid Review for the Health (CCG): Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot recorded the decision: Meets threshold for Rapid Review. 3 of 3 seats voted for Meets threshold for Rapid Review, a majority.",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot told the referrer the outcome (rapid-review).",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001 (Tameside Safeguarding Children Partnership): the threshold decision is \"Meets threshold for Rapid Review\". Next: notify the National Panel by Monday 5 April 2027, 5 pm, then press \"Record National Panel notified\" on the case's card (or type: notified RR-TAM-2027-0001 ‹date›). Information requests (Single agency summary template and Chronology template) are due to go to every agency that knew the child by Wednesday 31 March 2027, 5 pm: type \"requests RR-TAM-2027-0001 choose\" in your chat with me to choose the agencies and send them; they go out on Wednesday 31 March 2027, 9 am, the start of the day they are due to be sent. The referrer (pat.example@hollybank.school.example) has been emailed the decision and its rationale.",
        "Thursday 25 March 2027, 2 pm — Bea Manning (business manager) recorded that the National Panel was notified: Notified on Thursday 25 March 2027 (recorded by Bea Manning).",
        "Thursday 25 March 2027, 2.30 pm — Bea Manning chose Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit to ask for information: requests go out Wednesday 31 March 2027, due back Monday 12 April 2027.",
        "Thursday 25 March 2027, 2.30 pm — The return card was posted in the case's thread.",
        "Thursday 25 March 2027, 3 pm — Bea Manning (business manager) scheduled the meeting: Meeting booked to Thursday 15 April 2027, 9 am.",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Lola Adeyemi (the local authority) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Pat Okafor (the police) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Hana Brook (health) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Templates sent to Practice Review Panel members' is due Wednesday 31 March 2027, 5 pm.",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Templates sent to Practice Review Panel members' is due Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Templates sent to Practice Review Panel members' is due Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Templates sent to Practice Review Panel members' is due today, Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 9 am — The information request to Hollybank Primary School was sent, due back Monday 12 April 2027.",
        "Wednesday 31 March 2027, 9 am — The information request to Millbrook Medical Practice was sent, due back Monday 12 April 2027.",
        "Wednesday 31 March 2027, 9 am — The information request to Police Public Protection Unit was sent, due back Monday 12 April 2027.",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot requested information: Single agency summary template and Chronology template sent to 3 agencies, with the request to secure records.",
        "Thursday 1 April 2027, 10 am — Hollybank Primary School replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Friday 2 April 2027, 10 am — Millbrook Medical Practice replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Monday 5 April 2027, 10 am — Police Public Protection Unit replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Monday 5 April 2027, 10 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (every agency has answered).",
        "Monday 5 April 2027, 10 am — TeamsReviewBot recorded the agency returns as complete: Every agency has returned its information or said it holds no records.",
        "Monday 5 April 2027, 10 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: the multi-agency chronology is ready to check (0 entries from 3 returned documents; every agency has answered).",
        "Wednesday 14 April 2027, 9 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (for the meeting papers).",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot sent the meeting papers (4 documents, 3 agency returns) to 7 attendees for the meeting of Thursday 15 April 2027, 9 am.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot marked 'Learning summary and combined chronology to panel members' done: The meeting papers were sent to the attendees.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Practice Review Panel meeting' is due Thursday 15 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Practice Review Panel meeting' is due Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Practice Review Panel meeting' is due Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Practice Review Panel meeting' is due today, Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Report and recommendation shared with the 3 statutory partners' is due Friday 16 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Report and recommendation shared with the 3 statutory partners' is due Friday 16 April 2027, 5 pm.",
        "Thursday 15 April 2027, 11 am — Bea Manning (business manager) recorded the meeting as held, with the local authority, the police and health present.",
        "Thursday 15 April 2027, 11 am — Bea Manning (business manager) recorded the meeting's outcome: practice review recommended: no.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Report and recommendation shared with the 3 statutory partners' is due Friday 16 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Report and recommendation shared with the 3 statutory partners' is due today, Friday 16 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (before): '3 statutory partners agree the recommendation' is due Monday 19 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: '3 statutory partners agree the recommendation' is due Monday 19 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Report submitted to the National Panel' is due Monday 19 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Report submitted to the National Panel' is due Monday 19 April 2027, 5 pm.",
        "Friday 16 April 2027, 10 am — Bea Manning (business manager) stored version 1 of the report (SHA-256 ‹hash›…): Draft generated from the case on request in Teams.",
        "Friday 16 April 2027, 10 am — Report version announced.",
        "Friday 16 April 2027, 2 pm — Bea Manning (business manager) recorded the report as drafted: Report drafted and sent for sign-off.",
        "Monday 19 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): '3 statutory partners agree the recommendation' is due Monday 19 April 2027, 5 pm.",
        "Monday 19 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: '3 statutory partners agree the recommendation' is due today, Monday 19 April 2027, 5 pm.",
        "Monday 19 April 2027, 9 am — Sign off reminder sent.",
        "Monday 19 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Report submitted to the National Panel' is due Monday 19 April 2027, 5 pm.",
        "Monday 19 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-TAM-2027-0001: 'Report submitted to the National Panel' is due today, Monday 19 April 2027, 5 pm.",
        "Monday 19 April 2027, 10.10 am — Hana Brook (panel member, health) signed off for the Health (CCG): Signed off version 1 of the report.",
        "Monday 19 April 2027, 10.20 am — Lola Adeyemi (panel member, la) signed off for the Local Authority (TMBC) – Head of Safeguarding and Quality Assurance: Signed off version 1 of the report.",
        "Monday 19 April 2027, 10.30 am — Pat Okafor (panel member, police) signed off for the Police (GMP): Signed off version 1 of the report.",
        "Monday 19 April 2027, 10.30 am — TeamsReviewBot recorded the report as signed off: 3 of 3 partners signed off; 3 needed.",
        "Monday 19 April 2027, 10.30 am — TeamsReviewBot told the business managers: the report (version 1) is signed off and ready for the National Panel, due by Monday 19 April 2027, 5 pm (Report submitted to the National Panel). Check the covering letter and press Submit, or type \"submit RR-TAM-2027-0001\".",
        "Monday 19 April 2027, 11 am — Bea Manning (business manager) submitted the report: Version 1 of the report emailed to Mailbox.NationalReviewPanel@education.gov.uk from the partnership mailbox (seed-001 §8.4 Flow: 'DAY 15 - Report submitted to national panel - Mailbox.NationalReviewPanel@education.gov.uk').",
        "Monday 19 April 2027, 11 am — TeamsReviewBot started the afterwards steps.",
        "Monday 19 April 2027, 11 am — TeamsReviewBot planned the outcome letters: 1 to send (the referrer (Hollybank Primary School)).",
        "Monday 19 April 2027, 11 am — TeamsReviewBot told the business managers: the report on case RR-TAM-2027-0001 is with the National Panel and its afterwards steps have started. Outcome letters go to the referrer (Hollybank Primary School). Nothing else is tracked, so the case closes once the letters are out.",
        "Monday 19 April 2027, 11 am — TeamsReviewBot sent the outcome letter: To the referrer (Hollybank Primary School), from partnership-mailbox@example.gov.uk.",
        "Monday 19 April 2027, 11 am — TeamsReviewBot closed the case: Nothing remains open: The referrer is updated on the progress of the case.",
        "Monday 19 April 2027, 11 am — TeamsReviewBot told the business managers: case RR-TAM-2027-0001 is closed: nothing remains open. Type \"cases closed\" to see closed cases.",
    ];
}
