namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// Gloucestershire's whole case through the bot (seed-004), reviewed against the seed. What it shows:
/// a GSCP Case for Consideration arrives on Maundy Thursday 25 March 2027, before the 4 pm cut-off, so
/// that day is working day 1: the seed's timetable counts "Working Days (From Notification Of SIN or
/// Case for Consideration)" and puts the notification itself in its row "1-to 2" (seed-004 L125–L126;
/// the playbook's clock says "workingDayOne": "notification-day"). All three statutory QiiP partners
/// (CCG, Children's Social Care, Constabulary) indicate Rapid Review: yes the same morning. Over Easter
/// (Good Friday 26 March and Easter Monday 29 March are bank holidays), working day 2 (notification
/// and Appendix 2 information requests) is Tuesday 30 March, working day 5 (agency returns, chased the
/// day before and on the day) Friday 2 April, the papers go at the close of working day 7 (Tuesday 6
/// April) and the Rapid Review Panel sits on the 8th working day, Wednesday 7 April. The report is
/// drafted on working day 9 (Thursday 8 April) and recorded as compiled on working day 13 (Wednesday 14
/// April); the three partners sign off on working day 14 (Thursday 15 April), reminded that morning,
/// and the report is submitted on working day 15 (Friday 16 April). The National Panel's "Serious
/// Incident logged" email arrives on the next working day after the notification (within two days)
/// with an expected response date of working day 15, so that date becomes a deadline met by the
/// submission and is reminded beside it; being no earlier than working day 15, it raises no notice.
/// The Independent Chair (on the bot as the independent adviser, and so invited to the panel and sent
/// its papers) is reminded in personal chat of the key event chronology and lines of enquiry on
/// working days 6 and 7 (L129) and marks it done on working day 7, Tuesday 6 April; after the three
/// partners sign off, the Business Manager confirms the report meets WT2018 requirements (L133),
/// which completes the sign-off. No
/// LCSPR is recommended and the procedure asks for no outcome letters: the case closes at submission.
/// The report's SHA-256 differs from run to run, so it reads ‹hash›.
/// </summary>
internal static class GloucestershireWholeCaseStory
{
    /// <summary>Maundy Thursday 2027, 10 am: the case runs over Easter.</summary>
    public static readonly DateTimeOffset Received = new(2027, 3, 25, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Lines =
    [
        "Thursday 25 March 2027, 10 am — TeamsReviewBot opened case RR-GLO-2027-0001 (referral received Thursday 25 March 2027, 10 am; working day 1 is Thursday 25 March 2027): Referral received by e-mail at the partnership mailbox.",
        "Thursday 25 March 2027, 10 am — The referral email was received and read: not given, age band 1 to 4; the child's details were sealed apart from the case.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot posted the case to the panel's channel thread.",
        "Thursday 25 March 2027, 10 am — TeamsReviewBot put the referral to the panel.",
        "Thursday 25 March 2027, 10 am — The referrer was sent the acknowledgement with the case code.",
        "Thursday 25 March 2027, 11 am — Hana Brook answered the threshold questions for the QiiP Chair (CCG representative).",
        "Thursday 25 March 2027, 11 am — Hana Brook (panel member, health) voted Rapid Review: yes for the QiiP Chair (CCG representative): Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — Lola Adeyemi answered the threshold questions for the Gloucestershire Children's Social Care Representative (QiiP Vice Chair).",
        "Thursday 25 March 2027, 11 am — Lola Adeyemi (panel member, la) voted Rapid Review: yes for the Gloucestershire Children's Social Care Representative (QiiP Vice Chair): Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — Pat Okafor answered the threshold questions for the Gloucestershire Constabulary Rapid Review Lead Officer.",
        "Thursday 25 March 2027, 11 am — Pat Okafor (panel member, police) voted Rapid Review: yes for the Gloucestershire Constabulary Rapid Review Lead Officer: Serious harm; physical abuse suspected.",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot recorded the decision: Rapid Review: yes. All 3 seats voted for Rapid Review: yes.",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot told the referrer the outcome (rapid-review).",
        "Thursday 25 March 2027, 11 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001 (Gloucestershire Safeguarding Children Partnership): the threshold decision is \"Rapid Review: yes\". Information requests (Quality and Improvement in Practice (QiiP) Subgroup Rapid Review Information Request (Appendix 2)) are due to go to every agency that knew the child by Tuesday 30 March 2027, 5 pm: type \"requests RR-GLO-2027-0001 choose\" in your chat with me to choose the agencies and send them; they go out on Tuesday 30 March 2027, 9 am, the start of the day they are due to be sent. The referrer (pat.example@hollybank.school.example) has been emailed the decision and its rationale.",
        "Thursday 25 March 2027, 2 pm — Bea Manning (business manager) recorded that the National Panel was notified: Notified on Thursday 25 March 2027 (recorded by Bea Manning).",
        "Thursday 25 March 2027, 2.30 pm — Bea Manning chose Hollybank Primary School, Millbrook Medical Practice, Police Public Protection Unit to ask for information: requests go out Tuesday 30 March 2027, due back Friday 2 April 2027.",
        "Thursday 25 March 2027, 2.30 pm — The return card was posted in the case's thread.",
        "Thursday 25 March 2027, 3 pm — Bea Manning (business manager) scheduled the meeting: Meeting booked to Wednesday 7 April 2027, 9 am.",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Lola Adeyemi (the local authority) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Pat Okafor (the police) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Thursday 25 March 2027, 4 pm — TeamsReviewBot recorded from the calendar: Hana Brook (health) accepted the meeting invitation. (answered Thursday 25 March 2027, 4 pm)",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Rapid Review notification and information request (Appendix 2) sent' is due Tuesday 30 March 2027, 5 pm.",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review notification and information request (Appendix 2) sent' is due today, Tuesday 30 March 2027, 5 pm.",
        "Tuesday 30 March 2027, 9 am — The information request to Hollybank Primary School was sent, due back Friday 2 April 2027.",
        "Tuesday 30 March 2027, 9 am — The information request to Millbrook Medical Practice was sent, due back Friday 2 April 2027.",
        "Tuesday 30 March 2027, 9 am — The information request to Police Public Protection Unit was sent, due back Friday 2 April 2027.",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot requested information: Quality and Improvement in Practice (QiiP) Subgroup Rapid Review Information Request (Appendix 2) sent to 3 agencies.",
        "Tuesday 30 March 2027, 10 am — The National Panel wrote that it expects the partnership's response by Friday 16 April 2027.",
        "Wednesday 31 March 2027, 10 am — Hollybank Primary School replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Thursday 1 April 2027, 9 am — Millbrook Medical Practice was chased for its information.",
        "Thursday 1 April 2027, 9 am — Police Public Protection Unit was chased for its information.",
        "Thursday 1 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Agency summary reports returned (including 'No Records')' is due Friday 2 April 2027, 5 pm.",
        "Thursday 1 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Agency summary reports returned (including 'No Records')' is due Friday 2 April 2027, 5 pm.",
        "Thursday 1 April 2027, 10 am — Millbrook Medical Practice replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Friday 2 April 2027, 9 am — Police Public Protection Unit was chased for its information.",
        "Friday 2 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Agency summary reports returned (including 'No Records')' is due Friday 2 April 2027, 5 pm.",
        "Friday 2 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Agency summary reports returned (including 'No Records')' is due today, Friday 2 April 2027, 5 pm.",
        "Friday 2 April 2027, 10 am — Police Public Protection Unit replied: its information; 1 file(s) kept (placed by CaseCodeInSubject).",
        "Friday 2 April 2027, 10 am — The multi-agency chronology was merged: 0 entries from 3 returned documents (every agency has answered).",
        "Friday 2 April 2027, 10 am — TeamsReviewBot recorded the agency returns as complete: Every agency has returned its information or said it holds no records.",
        "Friday 2 April 2027, 10 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: the multi-agency chronology is ready to check (0 entries from 3 returned documents; every agency has answered).",
        "Monday 5 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Independent Chair compiles key event chronology and key lines of enquiry' is due Tuesday 6 April 2027, 5 pm.",
        "Tuesday 6 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Independent Chair compiles key event chronology and key lines of enquiry' is due Tuesday 6 April 2027, 5 pm.",
        "Tuesday 6 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review Panel' is due Wednesday 7 April 2027, 5 pm.",
        "Tuesday 6 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review Panel' is due Wednesday 7 April 2027, 5 pm.",
        "Tuesday 6 April 2027, 11 am — Ian Adebayo (independent adviser, independent-chair) marked 'Independent Chair compiles key event chronology and key lines of enquiry' done: Compiled from the agencies' returns.",
        "Tuesday 6 April 2027, 5 pm — The multi-agency chronology was merged: 0 entries from 3 returned documents (for the meeting papers).",
        "Tuesday 6 April 2027, 5 pm — TeamsReviewBot sent the meeting papers (4 documents, 3 agency returns) to 8 attendees for the meeting of Wednesday 7 April 2027, 9 am.",
        "Tuesday 6 April 2027, 5 pm — TeamsReviewBot marked 'Agency submissions and the Chair's key event chronology to the panel' done: The meeting papers were sent to the attendees.",
        "Wednesday 7 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Rapid Review Panel' is due Wednesday 7 April 2027, 5 pm.",
        "Wednesday 7 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review Panel' is due today, Wednesday 7 April 2027, 5 pm.",
        "Wednesday 7 April 2027, 11 am — Bea Manning (business manager) recorded the meeting as held, with the local authority, the police and health present.",
        "Wednesday 7 April 2027, 11 am — Bea Manning (business manager) recorded the meeting's outcome: practice review recommended: no.",
        "Thursday 8 April 2027, 10 am — Bea Manning (business manager) stored version 1 of the report (SHA-256 ‹hash›…): Draft generated from the case on request in Teams.",
        "Thursday 8 April 2027, 10 am — Report version announced.",
        "Tuesday 13 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review Report compiled and submitted to the Business Unit' is due Wednesday 14 April 2027, 5 pm.",
        "Tuesday 13 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review Report compiled and submitted to the Business Unit' is due Wednesday 14 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Rapid Review Report compiled and submitted to the Business Unit' is due Wednesday 14 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review Report compiled and submitted to the Business Unit' is due today, Wednesday 14 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Statutory partner QiiP members sign off the report' is due Thursday 15 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Statutory partner QiiP members sign off the report' is due Thursday 15 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 2 pm — Bea Manning (business manager) recorded the report as drafted: Report drafted and sent for sign-off.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review report with the National Panel by the date it expects' is due Friday 16 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review report with the National Panel by the date it expects' is due Friday 16 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Statutory partner QiiP members sign off the report' is due Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Statutory partner QiiP members sign off the report' is due today, Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — Sign off reminder sent.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: the Business Manager's WT2018 check on version 1 of the report is due by Thursday 15 April 2027, 5 pm; the report is not signed off until it is done. When version 1 meets Working Together 2018 requirements, type \"wt2018 RR-GLO-2027-0001\".",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review report submitted to the National Panel' is due Friday 16 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review report submitted to the National Panel' is due Friday 16 April 2027, 5 pm.",
        "Thursday 15 April 2027, 10.10 am — Hana Brook (panel member, health) signed off for the QiiP Chair (CCG representative): Signed off version 1 of the report.",
        "Thursday 15 April 2027, 10.20 am — Lola Adeyemi (panel member, la) signed off for the Gloucestershire Children's Social Care Representative (QiiP Vice Chair): Signed off version 1 of the report.",
        "Thursday 15 April 2027, 10.30 am — Pat Okafor (panel member, police) signed off for the Gloucestershire Constabulary Rapid Review Lead Officer: Signed off version 1 of the report.",
        "Thursday 15 April 2027, 10.40 am — Bea Manning (business manager) confirmed the Business Manager's WT2018 check: Version 1 of the report meets Working Together 2018 requirements. Note: Checked against Working Together 2018.",
        "Thursday 15 April 2027, 10.40 am — TeamsReviewBot recorded the report as signed off: 3 of 3 partners signed off; 3 needed.",
        "Thursday 15 April 2027, 10.40 am — TeamsReviewBot told the business managers: the report (version 1) is signed off and ready for the National Panel, due by Friday 16 April 2027, 5 pm (Rapid Review report submitted to the National Panel). Check the covering letter and press Submit, or type \"submit RR-GLO-2027-0001\".",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Rapid Review report with the National Panel by the date it expects' is due Friday 16 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review report with the National Panel by the date it expects' is due today, Friday 16 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Rapid Review report submitted to the National Panel' is due Friday 16 April 2027, 5 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-GLO-2027-0001: 'Rapid Review report submitted to the National Panel' is due today, Friday 16 April 2027, 5 pm.",
        "Friday 16 April 2027, 10 am — Bea Manning (business manager) submitted the report: Version 1 of the report emailed to Mailbox.NationalReviewPanel@education.gov.uk from the partnership mailbox (seed-004 §8.4: 'Submission of Rapid Review report to National Panel by GSCP business unit', WD 14–15).",
        "Friday 16 April 2027, 10 am — TeamsReviewBot started the afterwards steps.",
        "Friday 16 April 2027, 10 am — TeamsReviewBot planned the outcome letters: The Gloucestershire Safeguarding Children Partnership procedure asks for no outcome letters from the bot.",
        "Friday 16 April 2027, 10 am — TeamsReviewBot told the business managers: the report on case RR-GLO-2027-0001 is with the National Panel and its afterwards steps have started. Nothing else is tracked and the Gloucestershire Safeguarding Children Partnership procedure asks for no outcome letters, so the case closes now.",
        "Friday 16 April 2027, 10 am — TeamsReviewBot closed the case: Nothing remains open: the report is with the National Panel and the procedure tracks nothing further.",
        "Friday 16 April 2027, 10 am — TeamsReviewBot told the business managers: case RR-GLO-2027-0001 is closed: nothing remains open. Type \"cases closed\" to see closed cases.",
    ];
}
