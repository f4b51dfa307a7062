namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// West Midlands' whole case through the bot (seed-003, the Rapid Review / LCSPR Toolkit), reviewed
/// against the seed's own lines. A Document 1a referral (L946–L1210) arrives on Thursday 29 April 2027
/// (Day 0: the receipt stands in until the awareness date is recorded, L163/L3427). The three
/// Safeguarding Partners agree to notify, health by its delegate (L145, L238): no LCSPR vote now, that
/// is the meeting's (C4, L202–L210). The local authority's notification is recorded the same day, within
/// 5 working days (L143: by Friday 7 May). The business manager chooses the agencies that afternoon and
/// the scoping templates, Documents 2 and 2a, go at once, on Day 0 ("as early as possible to give
/// agencies the maximum time", L173), due back 5 working days on, over the Early May bank holiday
/// (Monday 3 May): Friday 7 May (L175, L1571). The agencies still silent are chased the day before and on
/// the day, and all return by email by then. The meeting is booked for Tuesday 11 May, working day 7,
/// inside the 7–13 window (L185) and after the returns are due, so they and the chronology go to the
/// attendees the day before (L188–L194, L3412–L3414). The meeting is quorate (L198) and agrees a Local
/// Child Safeguarding Practice Review, "agreed by all participants" (L1809, L1930–L1944); the decision
/// to initiate is recorded that day. Ratification and submission fall due together on Thursday 13 May,
/// 2 working days after the meeting (L238, L244), inside the 15 working days (L163: Friday 21 May). On
/// Wednesday 12 May the Independent Scrutineer endorses first, which counts for no partner (L240: "0 of
/// 3"), then health's delegate, the local authority and the police ratify (L238); the Rapid Review
/// Template goes to Mailbox.NationalReviewPanel@education.gov.uk (L244) and the outcome letters to the
/// referrer and each agency that took part (L248, L3429–L3432; L250 for the inspectorates). The
/// reviewer's name goes to the Panel, Ofsted and DfE a week later (L322–L325). The LCSPR is due six
/// months from the decision to initiate, Thursday 11 November 2027 (L130); with no publication date set,
/// the full report to the Panel, Ofsted and DfE is due seven working days before that, Tuesday 2
/// November (L640–L643). Both are reminded the day before and on the day, and done; nothing remains
/// open and the case closes. The report's SHA-256 reads ‹hash›.
/// </summary>
internal static class WestMidlandsWholeCaseStory
{
    /// <summary>Thursday 29 April 2027, 10 am London time: the case runs over the Early May bank holiday.</summary>
    public static readonly DateTimeOffset Received = new(2027, 4, 29, 9, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Lines =
    [
        "Thursday 29 April 2027, 10 am — TeamsReviewBot opened case RR-WM-2027-0001 (referral received Thursday 29 April 2027, 10 am; Day 0 is Thursday 29 April 2027): Referral received by e-mail at the partnership mailbox.",
        "Thursday 29 April 2027, 10 am — The referral email was received and read: not given, age band not given; the child's details were sealed apart from the case.",
        "Thursday 29 April 2027, 10 am — TeamsReviewBot posted the case to the panel's channel thread.",
        "Thursday 29 April 2027, 10 am — TeamsReviewBot put the referral to the panel.",
        "Thursday 29 April 2027, 10 am — The referrer was sent the acknowledgement with the case code.",
        "Thursday 29 April 2027, 11 am — Lola Adeyemi answered the threshold questions for the Local Authority Safeguarding Partner.",
        "Thursday 29 April 2027, 11 am — Lola Adeyemi (panel member, la) voted Notify and undertake a Rapid Review for the Local Authority Safeguarding Partner: Serious harm; physical abuse suspected. The local authority will notify.",
        "Thursday 29 April 2027, 11 am — Pat Okafor answered the threshold questions for the Police Safeguarding Partner.",
        "Thursday 29 April 2027, 11 am — Pat Okafor (panel member, police) voted Notify and undertake a Rapid Review for the Police Safeguarding Partner: Serious harm; physical abuse suspected.",
        "Thursday 29 April 2027, 11 am — Dev Shah answered the threshold questions for the Integrated Care Board Safeguarding Partner.",
        "Thursday 29 April 2027, 11 am — Dev Shah (deputy, health) voted Notify and undertake a Rapid Review for the Integrated Care Board Safeguarding Partner as deputy: Serious harm; physical abuse suspected.",
        "Thursday 29 April 2027, 11 am — TeamsReviewBot recorded the decision: Notify and undertake a Rapid Review. 3 of 3 seats agreed on Notify and undertake a Rapid Review (at least 3 needed).",
        "Thursday 29 April 2027, 11 am — TeamsReviewBot told the referrer the outcome (rapid-review).",
        "Thursday 29 April 2027, 11 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001 (West Midlands Safeguarding Children Partnership (Rapid Review / LCSPR Toolkit)): the threshold decision is \"Notify and undertake a Rapid Review\". Next: notify the National Panel by Friday 7 May 2027, 5 pm, then press \"Record National Panel notified\" on the case's card (or type: notified RR-WM-2027-0001 ‹date›). Information requests (Initial Scoping and Information Sharing Template (Document 2) and Template Letter: Request for Initial Scoping Information (Document 2a)) are due to go to every agency that knew the child by Tuesday 4 May 2027, 5 pm: type \"requests RR-WM-2027-0001 choose\" in your chat with me to choose the agencies and send them; they go out as soon as you send them. The referrer (pat.example@hollybank.school.example) has been emailed the decision and its rationale.",
        "Thursday 29 April 2027, 2 pm — Bea Manning (business manager) recorded that the National Panel was notified: Notified on Thursday 29 April 2027 (recorded by Bea Manning).",
        "Thursday 29 April 2027, 2.30 pm — Bea Manning chose Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit to ask for information: requests go out Thursday 29 April 2027, due back Friday 7 May 2027.",
        "Thursday 29 April 2027, 2.30 pm — The return card was posted in the case's thread.",
        "Thursday 29 April 2027, 2.30 pm — The information request to Hollybank Primary School was sent, due back Friday 7 May 2027.",
        "Thursday 29 April 2027, 2.30 pm — The information request to Millbrook Medical Practice was sent, due back Friday 7 May 2027.",
        "Thursday 29 April 2027, 2.30 pm — The information request to Police Public Protection Unit was sent, due back Friday 7 May 2027.",
        "Thursday 29 April 2027, 2.30 pm — TeamsReviewBot requested information: Initial Scoping and Information Sharing Template (Document 2) and Template Letter: Request for Initial Scoping Information (Document 2a) sent to 3 agencies, with the request to secure records.",
        "Thursday 29 April 2027, 3 pm — Bea Manning (business manager) scheduled the meeting: Meeting booked to Tuesday 11 May 2027, 9 am.",
        "Thursday 29 April 2027, 4 pm — TeamsReviewBot recorded from the calendar: Lola Adeyemi (the local authority) accepted the meeting invitation. (answered Thursday 29 April 2027, 4 pm)",
        "Thursday 29 April 2027, 4 pm — TeamsReviewBot recorded from the calendar: Pat Okafor (the police) accepted the meeting invitation. (answered Thursday 29 April 2027, 4 pm)",
        "Thursday 29 April 2027, 4 pm — TeamsReviewBot recorded from the calendar: Hana Brook (health) accepted the meeting invitation. (answered Thursday 29 April 2027, 4 pm)",
        "Wednesday 5 May 2027, 10 am — Hollybank Primary School replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Thursday 6 May 2027, 9 am — Millbrook Medical Practice was chased for its information.",
        "Thursday 6 May 2027, 9 am — Police Public Protection Unit was chased for its information.",
        "Thursday 6 May 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Initial scoping templates returned' is due Friday 7 May 2027, 5 pm.",
        "Thursday 6 May 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Initial scoping templates returned' is due Friday 7 May 2027, 5 pm.",
        "Thursday 6 May 2027, 10 am — Millbrook Medical Practice replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Friday 7 May 2027, 9 am — Police Public Protection Unit was chased for its information.",
        "Friday 7 May 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Initial scoping templates returned' is due Friday 7 May 2027, 5 pm.",
        "Friday 7 May 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Initial scoping templates returned' is due today, Friday 7 May 2027, 5 pm.",
        "Friday 7 May 2027, 10 am — Police Public Protection Unit replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Friday 7 May 2027, 10 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (every agency has answered).",
        "Friday 7 May 2027, 10 am — TeamsReviewBot recorded the agency returns as complete: Every agency has returned its information or said it holds no records.",
        "Friday 7 May 2027, 10 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: the multi-agency chronology is ready to check (0 entries from 3 returned documents; every agency has answered).",
        "Monday 10 May 2027, 9 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (for the meeting papers).",
        "Monday 10 May 2027, 9 am — TeamsReviewBot sent the meeting papers (4 documents, 3 agency returns) to 7 attendees for the meeting of Tuesday 11 May 2027, 9 am.",
        "Monday 10 May 2027, 9 am — TeamsReviewBot marked 'Meeting papers shared with the attendees' done: The meeting papers were sent to the attendees.",
        "Tuesday 11 May 2027, 11 am — Bea Manning (business manager) recorded the meeting as held, with the local authority, the police and health present.",
        "Tuesday 11 May 2027, 11 am — Bea Manning (business manager) recorded the meeting's outcome: practice review recommended: yes.",
        "Tuesday 11 May 2027, 12 pm — Bea Manning (business manager) marked 'Decision to initiate a Local Child Safeguarding Practice Review' done: Agreed by all participants at the Rapid Review meeting.",
        "Tuesday 11 May 2027, 1 pm — Bea Manning (business manager) stored version 1 of the report (SHA-256 ‹hash›…): Draft generated from the case on request in Teams.",
        "Tuesday 11 May 2027, 1 pm — Bea Manning (business manager) recorded the report as drafted: Report drafted and sent for sign-off.",
        "Tuesday 11 May 2027, 1 pm — Report version announced.",
        "Wednesday 12 May 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Each Safeguarding Partner ratifies the outcome' is due Thursday 13 May 2027, 5 pm.",
        "Wednesday 12 May 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Each Safeguarding Partner ratifies the outcome' is due Thursday 13 May 2027, 5 pm.",
        "Wednesday 12 May 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review Template and covering letter sent to the National Panel' is due Thursday 13 May 2027, 5 pm.",
        "Wednesday 12 May 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Rapid Review Template and covering letter sent to the National Panel' is due Thursday 13 May 2027, 5 pm.",
        "Wednesday 12 May 2027, 10.10 am — Sue Ward (panel member, independent-scrutineer) signed off for the Independent Scrutineer / Independent Chair: Signed off version 1 of the report.",
        "Wednesday 12 May 2027, 10.20 am — Dev Shah (deputy, health) signed off for the Integrated Care Board Safeguarding Partner as deputy: Signed off version 1 of the report.",
        "Wednesday 12 May 2027, 10.30 am — Lola Adeyemi (panel member, la) signed off for the Local Authority Safeguarding Partner: Signed off version 1 of the report.",
        "Wednesday 12 May 2027, 10.40 am — Pat Okafor (panel member, police) signed off for the Police Safeguarding Partner: Signed off version 1 of the report.",
        "Wednesday 12 May 2027, 10.40 am — TeamsReviewBot recorded the report as signed off: 3 of 3 partners signed off (1 by a deputy); 3 needed.",
        "Wednesday 12 May 2027, 10.40 am — TeamsReviewBot told the business managers: the report (version 1) is signed off and ready for the National Panel, due by Thursday 13 May 2027, 5 pm (Rapid Review Template and covering letter sent to the National Panel). Check the covering letter and press Submit, or type \"submit RR-WM-2027-0001\".",
        "Wednesday 12 May 2027, 11.10 am — Bea Manning (business manager) submitted the report: Version 1 of the report emailed to Mailbox.NationalReviewPanel@education.gov.uk from the partnership mailbox (seed-003 §8.2 [L244]).",
        "Wednesday 12 May 2027, 11.10 am — TeamsReviewBot started the afterwards steps.",
        "Wednesday 12 May 2027, 11.10 am — TeamsReviewBot planned the outcome letters: 4 to send (the referrer (Hollybank Primary School, DSL), Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit).",
        "Wednesday 12 May 2027, 11.10 am — TeamsReviewBot told the business managers: the report on case RR-WM-2027-0001 is with the National Panel and its afterwards steps have started. Outcome letters go to the referrer (Hollybank Primary School, DSL), Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit. Still open: lcspr (Local Child Safeguarding Practice Review completed, due Thursday 11 November 2027, 5 pm); final-report (Full report sent to the National Panel, Ofsted and DfE, due Tuesday 2 November 2027, 5 pm). Type \"done RR-WM-2027-0001 ‹item› [note]\" as each is done; you are reminded before each is due.",
        "Wednesday 12 May 2027, 11.10 am — TeamsReviewBot sent the outcome letter: To the referrer (Hollybank Primary School, DSL), from partnership-mailbox@example.gov.uk.",
        "Wednesday 12 May 2027, 11.10 am — TeamsReviewBot sent the outcome letter: To Hollybank Primary School, from partnership-mailbox@example.gov.uk.",
        "Wednesday 12 May 2027, 11.10 am — TeamsReviewBot sent the outcome letter: To Millbrook Medical Practice, from partnership-mailbox@example.gov.uk.",
        "Wednesday 12 May 2027, 11.10 am — TeamsReviewBot sent the outcome letter: To Police Public Protection Unit, from partnership-mailbox@example.gov.uk.",
        "Wednesday 19 May 2027, 11.40 am — Bea Manning (business manager) marked 'The reviewer's name goes to the National Panel, Ofsted and DfE' done: Jordan Reviewer's name emailed to the National Panel, Ofsted and DfE.",
        "Monday 1 November 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Full report sent to the National Panel, Ofsted and DfE' is due Tuesday 2 November 2027, 5 pm.",
        "Monday 1 November 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Full report sent to the National Panel, Ofsted and DfE' is due Tuesday 2 November 2027, 5 pm.",
        "Tuesday 2 November 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Full report sent to the National Panel, Ofsted and DfE' is due Tuesday 2 November 2027, 5 pm.",
        "Tuesday 2 November 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Full report sent to the National Panel, Ofsted and DfE' is due today, Tuesday 2 November 2027, 5 pm.",
        "Tuesday 2 November 2027, 11 am — Bea Manning (business manager) marked 'Full report sent to the National Panel, Ofsted and DfE' done: Done, with the evidence in the case folder.",
        "Wednesday 10 November 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Local Child Safeguarding Practice Review completed' is due Thursday 11 November 2027, 5 pm.",
        "Wednesday 10 November 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Local Child Safeguarding Practice Review completed' is due Thursday 11 November 2027, 5 pm.",
        "Thursday 11 November 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Local Child Safeguarding Practice Review completed' is due Thursday 11 November 2027, 5 pm.",
        "Thursday 11 November 2027, 9 am — TeamsReviewBot told the business managers: Case RR-WM-2027-0001: 'Local Child Safeguarding Practice Review completed' is due today, Thursday 11 November 2027, 5 pm.",
        "Thursday 11 November 2027, 11 am — Bea Manning (business manager) marked 'Local Child Safeguarding Practice Review completed' done: Done, with the evidence in the case folder.",
        "Thursday 11 November 2027, 11 am — TeamsReviewBot closed the case: Nothing remains open: Agencies, including the referrer, are told the outcome; Local Child Safeguarding Practice Review completed; Full report sent to the National Panel, Ofsted and DfE.",
        "Thursday 11 November 2027, 11 am — TeamsReviewBot told the business managers: case RR-WM-2027-0001 is closed: nothing remains open. Type \"cases closed\" to see closed cases.",
    ];
}
