namespace TeamsReviewBot.Storage;

/// <summary>Where the bot keeps its tables. Either a connection string (Azurite, local) or a
/// table service URI reached with the app's managed identity (Azure).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Prefix for every table name, so several environments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "rr";
}
