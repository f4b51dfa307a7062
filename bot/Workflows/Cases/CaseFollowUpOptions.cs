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
    /// How long a follow-up waits, at most, for a moment when the instance is answering no click or
    /// command: a burst of clicks is answered before storage and the CPU go to the card edits, mail
    /// and timers that follow them, and under steady load follow-ups are late by this much, never
    /// stopped. Zero: no waiting.
    /// </summary>
    public TimeSpan StandBackWhileAnsweringAtMost { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often an instance looks for follow-ups owed but not done (an instance stopped between an
    /// append and its follow-up). Each look is one query across the case events table.
    /// </summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(5);
}
