namespace TeamsReviewBot.Storage;

/// <summary>Where the bot keeps its tables and blobs. Either a connection string (Azurite, local) or
/// table and blob service URIs reached with the app's managed identity (Azure).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>The blob service for large payloads and sealed details, beside <see cref="TableServiceUri"/> in Azure.
    /// With a connection string, its BlobEndpoint (or Azurite's default for UseDevelopmentStorage=true).</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Prefix for every table name, so several environments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "rr";
}
