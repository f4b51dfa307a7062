namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>
/// Afterwards:RetentionAfterClosure — how long after a case closes the child's details are erased
/// from its sealed details and files (e.g. "2555.00:00:00" for seven years). Unset means they are
/// never erased by the bot: the partnership's own retention schedule decides (docs/retention.md).
/// </summary>
public sealed class AfterwardsOptions
{
    public const string SectionName = "Afterwards";

    public TimeSpan? RetentionAfterClosure { get; set; }
}
