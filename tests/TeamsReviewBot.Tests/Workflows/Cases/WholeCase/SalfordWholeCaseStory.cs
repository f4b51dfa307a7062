namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// Salford's whole case through the bot (seed-002, original lines Lnnn), reviewed against the seed.
/// Day 0 is Monday 21 December 2026, the day the referral reaches the mailbox (L165). Christmas Day,
/// the substitute Boxing Day (Monday 28 December) and New Year's Day are not working days, so Day 1 is
/// Tuesday 22 December, Day 2 Wednesday 23 December, Day 3 Thursday 24 December, Day 4 Tuesday 29
/// December, Day 5 Wednesday 30 December, Day 7 Monday 4 January and Day 8 Tuesday 5 January 2027.
/// The referral is put to the Virtual Panel at once (within 24 hours, L278); the Independent Adviser
/// and the Practice Review Group's chair vote for a Rapid Review: "Two of the panel only are needed to
/// be quorate", so the two agreeing decide at noon without the deputy chair or the Business Manager
/// (L278), well inside 48 hours. The referrer is told; the National Panel notification is due in 5
/// working days, Wednesday 30 December (L165). Documents 8, 9 and 10 go to the three agencies on Day 2
/// (L302, "within two working days of receiving the referral"), with the request to secure records
/// (L328), and are due back five working days later, Monday 4 January (L304); the meeting is set the
/// same afternoon (L332) for the first slot the playbook allows, Day 8 Tuesday 5 January, 9 am; the
/// three partners' leads accept in their calendars. The returns come on 24, 29 and 30 December; the
/// papers (referral, agency summaries, composite chronology, L340–L342) go on Monday 4 January at
/// 9 am, 24 hours before the meeting (L338). The meeting is quorate with the local authority, police
/// and health (L346) and recommends a fuller review (L364). Sign-off and submission are both due two
/// working days after the meeting, Thursday 7 January (L370; Day 10, inside the 15 days of L165). The
/// report is drafted the next morning and the three partners' own leads (no deputies) sign on the
/// Wednesday afternoon, but it is the Independent Adviser's endorsement that completes the rule
/// ("The Independent Adviser and the three statutory partners endorse the outcome", L366). The
/// Business Manager submits on Thursday 7 January at 10 am, "on behalf of the safeguarding partners"
/// to Mailbox.NationalReviewPanel@education.gov.uk (L370). The referrer and each agency that took part
/// get the outcome letter at once (L372). A week later the National Panel and the local area agree the
/// fuller review (L166) and the Business Manager tells the National Panel (L378); the lead reviewer is
/// due 10 working days from that agreement, Thursday 28 January (L380), and the review six months from
/// it, Wednesday 14 July 2027 (L166, "aimed to complete within six months"); each is reminded the day
/// before and on the day, and marking the review done closes the case. The report's SHA-256 differs
/// from run to run, so it reads ‹hash›.
/// </summary>
internal static class SalfordWholeCaseStory
{
    /// <summary>Monday 21 December 2026, 10 am: the case runs over Christmas and New Year.</summary>
    public static readonly DateTimeOffset Received = new(2026, 12, 21, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Lines =
    [
        "Monday 21 December 2026, 10 am — TeamsReviewBot opened case RR-SAL-2026-0001 (referral received Monday 21 December 2026, 10 am; Day 0 is Monday 21 December 2026): Referral received by e-mail at the partnership mailbox.",
        "Monday 21 December 2026, 10 am — The referral email was received and read: Serious harm: physical abuse, age band 5 to 10; the child's details were sealed apart from the case.",
        "Monday 21 December 2026, 10 am — TeamsReviewBot recorded the Case Factors ticked on the referral form: Parental mental health, Physical abuse, Domestic abuse.",
        "Monday 21 December 2026, 10 am — TeamsReviewBot posted the case to the panel's channel thread.",
        "Monday 21 December 2026, 10 am — TeamsReviewBot put the referral to the panel.",
        "Monday 21 December 2026, 10 am — The referrer was sent the acknowledgement with the case code.",
        "Monday 21 December 2026, 11 am — Ian Adebayo answered the threshold questions for the SSCP Independent Adviser.",
        "Monday 21 December 2026, 11 am — Ian Adebayo (panel member, independent-adviser) voted Commence rapid review for the SSCP Independent Adviser: A baby seriously injured; physical abuse suspected.",
        "Monday 21 December 2026, 12 pm — Chloe Fenn answered the threshold questions for the Chair of the Practice Review Group.",
        "Monday 21 December 2026, 12 pm — Chloe Fenn (panel member, prsg-chair) voted Commence rapid review for the Chair of the Practice Review Group: Meets the criteria; the agencies knew the family.",
        "Monday 21 December 2026, 12 pm — TeamsReviewBot recorded the decision: Commence rapid review. 2 of the 2 votes cast were for Commence rapid review: the quorum of 2 agreeing decides without waiting for the other seats.",
        "Monday 21 December 2026, 12 pm — TeamsReviewBot told the referrer the outcome (rapid-review).",
        "Monday 21 December 2026, 12 pm — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001 (Salford Safeguarding Children Partnership): the threshold decision is \"Commence rapid review\". Next: notify the National Panel by Wednesday 30 December 2026, 5 pm, then press \"Record National Panel notified\" on the case's card (or type: notified RR-SAL-2026-0001 ‹date›). Information requests (Agency Summary Report Template (Document 8) and Chronology Form (Document 9) and Request for information letter or email (Document 10)) are due to go to every agency that knew the child by Wednesday 23 December 2026, 5 pm: type \"requests RR-SAL-2026-0001 choose\" in your chat with me to choose the agencies and send them; they go out on Wednesday 23 December 2026, 9 am, the start of the day they are due to be sent. The referrer (pat.example@hollybank.school.example) has been emailed the decision and its rationale.",
        "Monday 21 December 2026, 2 pm — Bea Manning (business manager) recorded that the National Panel was notified: Notified on Monday 21 December 2026 (recorded by Bea Manning).",
        "Monday 21 December 2026, 2.30 pm — Bea Manning chose Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit to ask for information: requests go out Wednesday 23 December 2026, due back Monday 4 January 2027.",
        "Monday 21 December 2026, 2.30 pm — The return card was posted in the case's thread.",
        "Monday 21 December 2026, 3 pm — Bea Manning (business manager) scheduled the meeting: Meeting booked to Tuesday 5 January 2027, 9 am.",
        "Monday 21 December 2026, 3 pm — TeamsReviewBot booked the decision makers' sign-off slot for Tuesday 5 January 2027, 11 am, after the meeting of Tuesday 5 January 2027, 9 am: 4 invited, 0 known to be free then.",
        "Monday 21 December 2026, 4 pm — TeamsReviewBot recorded from the calendar: Lola Adeyemi (the local authority) accepted the meeting invitation. (answered Monday 21 December 2026, 4 pm)",
        "Monday 21 December 2026, 4 pm — TeamsReviewBot recorded from the calendar: Pat Okafor (the police) accepted the meeting invitation. (answered Monday 21 December 2026, 4 pm)",
        "Monday 21 December 2026, 4 pm — TeamsReviewBot recorded from the calendar: Hana Brook (health) accepted the meeting invitation. (answered Monday 21 December 2026, 4 pm)",
        "Tuesday 22 December 2026, 9 am — TeamsReviewBot sent a reminder (before): 'Documents 8, 9 and 10 sent to all relevant agencies' is due Wednesday 23 December 2026, 5 pm.",
        "Tuesday 22 December 2026, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Documents 8, 9 and 10 sent to all relevant agencies' is due Wednesday 23 December 2026, 5 pm.",
        "Wednesday 23 December 2026, 9 am — TeamsReviewBot sent a reminder (on the day): 'Documents 8, 9 and 10 sent to all relevant agencies' is due Wednesday 23 December 2026, 5 pm.",
        "Wednesday 23 December 2026, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Documents 8, 9 and 10 sent to all relevant agencies' is due today, Wednesday 23 December 2026, 5 pm.",
        "Wednesday 23 December 2026, 9 am — The information request to Hollybank Primary School was sent, due back Monday 4 January 2027.",
        "Wednesday 23 December 2026, 9 am — The information request to Millbrook Medical Practice was sent, due back Monday 4 January 2027.",
        "Wednesday 23 December 2026, 9 am — The information request to Police Public Protection Unit was sent, due back Monday 4 January 2027.",
        "Wednesday 23 December 2026, 9 am — TeamsReviewBot requested information: Agency Summary Report Template (Document 8) and Chronology Form (Document 9) and Request for information letter or email (Document 10) sent to 3 agencies, with the request to secure records.",
        "Thursday 24 December 2026, 10 am — Hollybank Primary School replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Tuesday 29 December 2026, 10 am — Millbrook Medical Practice replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Wednesday 30 December 2026, 10 am — Police Public Protection Unit replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Wednesday 30 December 2026, 10 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (every agency has answered).",
        "Wednesday 30 December 2026, 10 am — TeamsReviewBot recorded the agency returns as complete: Every agency has returned its information or said it holds no records.",
        "Wednesday 30 December 2026, 10 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: the multi-agency chronology is ready to check (0 entries from 3 returned documents; every agency has answered).",
        "Monday 4 January 2027, 9 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (for the meeting papers).",
        "Monday 4 January 2027, 9 am — TeamsReviewBot sent the meeting papers (4 documents, 3 agency returns) to 10 attendees for the meeting of Tuesday 5 January 2027, 9 am.",
        "Monday 4 January 2027, 9 am — TeamsReviewBot marked 'Meeting papers shared' done: The meeting papers were sent to the attendees.",
        "Tuesday 5 January 2027, 11 am — Bea Manning (business manager) recorded the meeting as held, with the local authority, the police and health present.",
        "Tuesday 5 January 2027, 11 am — Bea Manning (business manager) recorded the meeting's outcome: practice review recommended: yes.",
        "Wednesday 6 January 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Independent Adviser and the three statutory partners endorse the outcome' is due Thursday 7 January 2027, 5 pm.",
        "Wednesday 6 January 2027, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Independent Adviser and the three statutory partners endorse the outcome' is due Thursday 7 January 2027, 5 pm.",
        "Wednesday 6 January 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review Meeting Report sent to the National Panel' is due Thursday 7 January 2027, 5 pm.",
        "Wednesday 6 January 2027, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Rapid Review Meeting Report sent to the National Panel' is due Thursday 7 January 2027, 5 pm.",
        "Wednesday 6 January 2027, 10 am — Bea Manning (business manager) stored version 1 of the report (SHA-256 ‹hash›…): Draft generated from the case on request in Teams.",
        "Wednesday 6 January 2027, 10 am — Report version announced.",
        "Wednesday 6 January 2027, 10.30 am — Bea Manning (business manager) recorded the report as drafted: Report drafted and sent for sign-off.",
        "Wednesday 6 January 2027, 2.10 pm — Hana Brook (panel member, health) signed off for the Health (CCG) decision maker: Signed off version 1 of the report.",
        "Wednesday 6 January 2027, 2.20 pm — Lola Adeyemi (panel member, la) signed off for the Local Authority decision maker: Signed off version 1 of the report.",
        "Wednesday 6 January 2027, 2.30 pm — Pat Okafor (panel member, police) signed off for the Police decision maker: Signed off version 1 of the report.",
        "Wednesday 6 January 2027, 2.40 pm — Ian Adebayo (panel member, independent-adviser) signed off for the SSCP Independent Adviser: Signed off version 1 of the report.",
        "Wednesday 6 January 2027, 2.40 pm — TeamsReviewBot recorded the report as signed off: 3 of 3 partners signed off, endorsed by the SSCP Independent Adviser; 3 needed.",
        "Wednesday 6 January 2027, 2.40 pm — TeamsReviewBot told the business managers: the report (version 1) is signed off and ready for the National Panel, due by Thursday 7 January 2027, 5 pm (Rapid Review Meeting Report sent to the National Panel). Check the covering letter and press Submit, or type \"submit RR-SAL-2026-0001\".",
        "Thursday 7 January 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Rapid Review Meeting Report sent to the National Panel' is due Thursday 7 January 2027, 5 pm.",
        "Thursday 7 January 2027, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Rapid Review Meeting Report sent to the National Panel' is due today, Thursday 7 January 2027, 5 pm.",
        "Thursday 7 January 2027, 10 am — Bea Manning (business manager) submitted the report: Version 1 of the report emailed to Mailbox.NationalReviewPanel@education.gov.uk from the partnership mailbox (seed-002 §8 (L370)).",
        "Thursday 7 January 2027, 10 am — TeamsReviewBot started the afterwards steps.",
        "Thursday 7 January 2027, 10 am — TeamsReviewBot planned the outcome letters: 4 to send (the referrer (Hollybank Primary School), Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit).",
        "Thursday 7 January 2027, 10 am — TeamsReviewBot told the business managers: the report on case RR-SAL-2026-0001 is with the National Panel and its afterwards steps have started. Outcome letters go to the referrer (Hollybank Primary School), Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit. Still open: lead-reviewer (Lead reviewer appointed, due Thursday 21 January 2027, 5 pm); lcspr (Child Safeguarding Practice Review completed, due Wednesday 7 July 2027, 5 pm). Type \"done RR-SAL-2026-0001 ‹item› [note]\" as each is done; you are reminded before each is due.",
        "Thursday 7 January 2027, 10 am — TeamsReviewBot sent the outcome letter: To the referrer (Hollybank Primary School), from partnership-mailbox@example.gov.uk.",
        "Thursday 7 January 2027, 10 am — TeamsReviewBot sent the outcome letter: To Hollybank Primary School, from partnership-mailbox@example.gov.uk.",
        "Thursday 7 January 2027, 10 am — TeamsReviewBot sent the outcome letter: To Millbrook Medical Practice, from partnership-mailbox@example.gov.uk.",
        "Thursday 7 January 2027, 10 am — TeamsReviewBot sent the outcome letter: To Police Public Protection Unit, from partnership-mailbox@example.gov.uk.",
        "Thursday 14 January 2027, 11 am — Bea Manning (business manager) marked 'National Panel and Local Area agree a fuller review' done: The National Panel agreed a local child safeguarding practice review.",
        "Thursday 14 January 2027, 11 am — Bea Manning (business manager) marked 'The Business Manager tells the National Panel as soon as a further review is agreed, with the reviewer if known' done: The National Panel was told; the reviewer is not yet commissioned.",
        "Wednesday 27 January 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Lead reviewer appointed' is due Thursday 28 January 2027, 5 pm.",
        "Wednesday 27 January 2027, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Lead reviewer appointed' is due Thursday 28 January 2027, 5 pm.",
        "Thursday 28 January 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Lead reviewer appointed' is due Thursday 28 January 2027, 5 pm.",
        "Thursday 28 January 2027, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Lead reviewer appointed' is due today, Thursday 28 January 2027, 5 pm.",
        "Thursday 28 January 2027, 11 am — Bea Manning (business manager) marked 'Lead reviewer appointed' done: Done, with the evidence in the case folder.",
        "Tuesday 13 July 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Child Safeguarding Practice Review completed' is due Wednesday 14 July 2027, 5 pm.",
        "Tuesday 13 July 2027, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Child Safeguarding Practice Review completed' is due Wednesday 14 July 2027, 5 pm.",
        "Wednesday 14 July 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Child Safeguarding Practice Review completed' is due Wednesday 14 July 2027, 5 pm.",
        "Wednesday 14 July 2027, 9 am — TeamsReviewBot told the business managers: Case RR-SAL-2026-0001: 'Child Safeguarding Practice Review completed' is due today, Wednesday 14 July 2027, 5 pm.",
        "Wednesday 14 July 2027, 11 am — Bea Manning (business manager) marked 'Child Safeguarding Practice Review completed' done: Done, with the evidence in the case folder.",
        "Wednesday 14 July 2027, 11 am — TeamsReviewBot closed the case: Nothing remains open: Other agencies, including the referrer, are told the outcome; Lead reviewer appointed; Child Safeguarding Practice Review completed.",
        "Wednesday 14 July 2027, 11 am — TeamsReviewBot told the business managers: case RR-SAL-2026-0001 is closed: nothing remains open. Type \"cases closed\" to see closed cases.",
    ];
}
