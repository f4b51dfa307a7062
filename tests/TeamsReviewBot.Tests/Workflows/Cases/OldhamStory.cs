namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// The audit trail of the Oldham case in <see cref="WholeCaseTests"/>, as a business manager would
/// read it: a referral on Maundy Thursday 2027 (Day 0), the Virtual Panel's decision on Day 1 (Tuesday
/// 30 March, after Good Friday and Easter Monday), late agency returns escalated at 5 pm on Day 7,
/// sign-off by 4 pm on Day 14 with a deputy, the report to the National Panel on Day 15, a lesson log
/// moved a week at the agencies' request, and the moderation meeting six months after the meeting.
/// Steps the business manager marks done by hand before the submission (papers) are shown, not chased;
/// the afterwards items (the lesson log on its moved date, moderation) are chased until marked done.
/// </summary>
internal static class OldhamStory
{
    public static IReadOnlyList<string> Lines { get; } =
    [
        "Thursday 25 March 2027, 10.05 am — Bea Manager (business manager, partnership business unit) opened case RR-OLD-2027-0001 (referral received Thursday 25 March 2027, 10 am; Day 0 is Thursday 25 March 2027): Referral received by email to the partnership mailbox.",
        "Thursday 25 March 2027, 10.10 am — Bea Manager (business manager, partnership business unit) put the referral to the panel.",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Virtual Panel threshold decision' is due Tuesday 30 March 2027, 5 pm.",
        "Tuesday 30 March 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Virtual Panel threshold decision' is due today, Tuesday 30 March 2027, 5 pm.",
        "Tuesday 30 March 2027, 11 am — Deputy police (deputy, Superintendent/Detective Chief Inspector – GMP) voted Progression to Rapid Review for the Superintendent/Detective Chief Inspector – GMP as deputy: Serious harm; neglect suspected.",
        "Tuesday 30 March 2027, 11.01 am — Lead health (panel member, Designated Nurse/Head of Safeguarding – NHS ICB Oldham) voted Progression to Rapid Review for the Designated Nurse/Head of Safeguarding – NHS ICB Oldham: Serious harm; neglect suspected.",
        "Tuesday 30 March 2027, 11.02 am — Lead local-authority (panel member, Assistant Director for Safeguarding/Quality Assurance) voted Progression to Rapid Review for the Assistant Director for Safeguarding/Quality Assurance: Serious harm; neglect suspected.",
        "Tuesday 30 March 2027, 11.02 am — TeamsReviewBot recorded the decision: Progression to Rapid Review. 3 of 3 seats agreed on Progression to Rapid Review (at least 2 needed).",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Agency summaries requested' is due Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Agency summaries requested' is due today, Wednesday 31 March 2027, 5 pm.",
        "Wednesday 31 March 2027, 11 am — Bea Manager (business manager, partnership business unit) requested information: Single Agency Summary Template (PRACTICE CASE REVIEW – SINGLE AGENCY SUMMARY) and Chronolator chronology file and guidance sent to 3 agencies, with the request to secure records.",
        "Friday 2 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'National Panel notified' is due Monday 5 April 2027, 5 pm.",
        "Friday 2 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'National Panel notified' is due Monday 5 April 2027, 5 pm.",
        "Monday 5 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'National Panel notified' is due Monday 5 April 2027, 5 pm.",
        "Monday 5 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'National Panel notified' is due today, Monday 5 April 2027, 5 pm.",
        "Monday 5 April 2027, 11 am — Bea Manager (business manager, partnership business unit) recorded that the National Panel was notified: Notified through the National Panel's online form.",
        "Tuesday 6 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Agency summaries returned' is due Wednesday 7 April 2027, 5 pm.",
        "Tuesday 6 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Agency summaries returned' is due Wednesday 7 April 2027, 5 pm.",
        "Wednesday 7 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Agency summaries returned' is due Wednesday 7 April 2027, 5 pm.",
        "Wednesday 7 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Agency summaries returned' is due today, Wednesday 7 April 2027, 5 pm.",
        "Wednesday 7 April 2027, 5 pm — TeamsReviewBot escalated a missed deadline: 'Agency summaries returned' was due Wednesday 7 April 2027, 5 pm.",
        "Wednesday 7 April 2027, 5 pm — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Agency summaries returned' was due Wednesday 7 April 2027, 5 pm and is not done. Where the case stands: agency returns overdue.",
        "Thursday 8 April 2027, 11 am — Bea Manager (business manager, partnership business unit) recorded the agency returns as complete: The last agency return arrived.",
        "Thursday 8 April 2027, 11.30 am — Bea Manager (business manager, partnership business unit) scheduled the meeting: Meeting booked to Tuesday 13 April 2027, 10 am.",
        "Monday 12 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Rapid Review meeting' is due Tuesday 13 April 2027, 5 pm.",
        "Monday 12 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Rapid Review meeting' is due Tuesday 13 April 2027, 5 pm.",
        "Monday 12 April 2027, 11 am — Bea Manager (business manager, partnership business unit) marked 'Collated returns sent to the panel' done: Done.",
        "Tuesday 13 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Rapid Review meeting' is due Tuesday 13 April 2027, 5 pm.",
        "Tuesday 13 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Rapid Review meeting' is due today, Tuesday 13 April 2027, 5 pm.",
        "Tuesday 13 April 2027, 12 noon — Bea Manager (business manager, partnership business unit) recorded the meeting as held, with the local authority, the police and health present.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Report finalised and sent to the panel for comments' is due Thursday 15 April 2027, 5 pm.",
        "Wednesday 14 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report finalised and sent to the panel for comments' is due Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Report finalised and sent to the panel for comments' is due Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report finalised and sent to the panel for comments' is due today, Thursday 15 April 2027, 5 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Statutory partners' sign-off' is due Friday 16 April 2027, 4 pm.",
        "Thursday 15 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Statutory partners' sign-off' is due Friday 16 April 2027, 4 pm.",
        "Thursday 15 April 2027, 11 am — Bea Manager (business manager, partnership business unit) recorded the report as drafted: Report drafted and sent for sign-off.",
        "Thursday 15 April 2027, 11.30 am — Bea Manager (business manager, partnership business unit) marked 'Rapid Review Panel comments on and signs off the draft report' done: Panel comments in; signed off and sent to the statutory partners.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Statutory partners' sign-off' is due Friday 16 April 2027, 4 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Statutory partners' sign-off' is due today, Friday 16 April 2027, 4 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Report sent to the National Panel' is due Monday 19 April 2027, 4 pm.",
        "Friday 16 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report sent to the National Panel' is due Monday 19 April 2027, 4 pm.",
        "Friday 16 April 2027, 11 am — Lead local-authority (panel member, Assistant Director for Safeguarding/Quality Assurance) signed off for the Assistant Director for Safeguarding/Quality Assurance: I agree the recommendation.",
        "Friday 16 April 2027, 11.01 am — Deputy police (deputy, Superintendent/Detective Chief Inspector – GMP) signed off for the Superintendent/Detective Chief Inspector – GMP as deputy: I agree the recommendation.",
        "Friday 16 April 2027, 11.01 am — TeamsReviewBot recorded the report as signed off: 2 of 3 partners signed off (1 by a deputy); 2 needed.",
        "Monday 19 April 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Report sent to the National Panel' is due Monday 19 April 2027, 4 pm.",
        "Monday 19 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Report sent to the National Panel' is due today, Monday 19 April 2027, 4 pm.",
        "Monday 19 April 2027, 11 am — Bea Manager (business manager, partnership business unit) submitted the report: Report sent to Mailbox.NationalReviewPanel@education.gov.uk.",
        "Monday 19 April 2027, 11.05 am — Bea Manager (business manager, partnership business unit) started the afterwards steps.",
        "Monday 19 April 2027, 12.05 pm — Bea Manager (business manager, partnership business unit) moved 'Lesson logs returned by agencies' from Tuesday 27 April 2027, 5 pm to Tuesday 4 May 2027, 5 pm: Two agencies asked for another week.",
        "Friday 30 April 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Lesson logs returned by agencies' is due Tuesday 4 May 2027, 5 pm.",
        "Friday 30 April 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Lesson logs returned by agencies' is due Tuesday 4 May 2027, 5 pm.",
        "Tuesday 4 May 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Lesson logs returned by agencies' is due Tuesday 4 May 2027, 5 pm.",
        "Tuesday 4 May 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Lesson logs returned by agencies' is due today, Tuesday 4 May 2027, 5 pm.",
        "Tuesday 4 May 2027, 11 am — Bea Manager (business manager, partnership business unit) marked 'Lesson logs returned by agencies' done: Done.",
        "Tuesday 12 October 2027, 9 am — TeamsReviewBot sent a reminder (before): 'Moderation meeting with agencies' is due Wednesday 13 October 2027, 5 pm.",
        "Tuesday 12 October 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Moderation meeting with agencies' is due Wednesday 13 October 2027, 5 pm.",
        "Wednesday 13 October 2027, 9 am — TeamsReviewBot sent a reminder (on the day): 'Moderation meeting with agencies' is due Wednesday 13 October 2027, 5 pm.",
        "Wednesday 13 October 2027, 9 am — TeamsReviewBot told the business managers: Case RR-OLD-2027-0001: 'Moderation meeting with agencies' is due today, Wednesday 13 October 2027, 5 pm.",
        "Wednesday 13 October 2027, 11 am — Bea Manager (business manager, partnership business unit) marked 'Moderation meeting with agencies' done: Done.",
        "Wednesday 13 October 2027, 12 noon — Bea Manager (business manager, partnership business unit) closed the case: All afterwards steps done.",
    ];
}
