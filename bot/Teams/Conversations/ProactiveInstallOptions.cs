namespace TeamsReviewBot.Teams.Conversations;

/// <summary>
/// How the bot reaches someone it has no personal chat with: it installs its own Teams app for them
/// through Graph. <see cref="CatalogAppId"/> is the app's id in the tenant's app catalog (not the
/// manifest id); without it the bot cannot install itself and says so instead.
/// </summary>
public sealed class ProactiveInstallOptions
{
    public const string SectionName = "ProactiveInstall";

    public string? CatalogAppId { get; set; }

    /// <summary>How long a refusal from Graph stands before the bot asks Graph again for that person
    /// (and tells the business managers again).</summary>
    public TimeSpan RetryRefusedAfter { get; set; } = TimeSpan.FromDays(1);
}
