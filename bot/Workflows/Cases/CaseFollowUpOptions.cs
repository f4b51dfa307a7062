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

    /// <summary>How many follow-ups an instance carries out at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// How often an instance looks for follow-ups owed but not done (an instance stopped between an
    /// append and its follow-up). Each look is one query across the case events table.
    /// </summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(5);
}
