namespace TeamsReviewBot.Workflows.Cases;

public sealed class CaseFollowUpOptions
{
    public const string SectionName = "CaseFollowUps";

    /// <summary>
    /// Runs each append's follow-up (index row and timers) before the command returns rather than
    /// after the reply: slower clicks, for a host that wants a command's every effect in place when
    /// it answers. Off in a deployment.
    /// </summary>
    public bool RunBeforeReply { get; set; }

    /// <summary>
    /// How many cases' follow-ups an instance carries out at once (each case's in order, one at a
    /// time). Mail keeps to Graph's 4 requests per mailbox whatever this is (Graph:MaxConcurrentRequestsPerMailbox),
    /// and posts to one chat to Teams' pace, so more workers mostly overlap waiting on either.
    /// </summary>
    public int Workers { get; set; } = 8;

    /// <summary>
    /// How often an instance looks for follow-ups owed but not done (an instance stopped between an
    /// append and its follow-up). Each look is one query across the case events table.
    /// </summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(5);
}
