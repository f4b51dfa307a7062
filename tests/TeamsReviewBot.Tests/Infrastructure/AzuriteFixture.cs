using Azure.Data.Tables;
using Azure.Storage.Blobs;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// The real Table service for integration tests: Azurite, started by ./test.sh. Its connection
/// string comes from TEAMSREVIEWBOT_TEST_STORAGE (default: Azurite's well-known local account on
/// port 10002, blobs on 10000). Each call to <see cref="CreateTables"/> gets tables of its own, so tests never see
/// each other's rows.
/// </summary>
public sealed class AzuriteFixture
{
    public const string EnvironmentVariable = "TEAMSREVIEWBOT_TEST_STORAGE";

    private const string DefaultConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    public AzuriteFixture()
    {
        ConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;
        if (!ConnectionString.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} has no BlobEndpoint: start Azurite with scripts/lib.sh's start_azurite and take azurite_connection_string, which names the table, queue and blob services.");
        }

        Service = new TableServiceClient(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(5) } });
        try
        {
            // Fail with a sentence, not a socket error, when Azurite is not running.
            _ = Service.Query(maxPerPage: 1).AsPages().First();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            throw new InvalidOperationException(
                $"Azurite is not reachable ({ex.GetType().Name}). Run the tests with ./test.sh, which starts it, or set {EnvironmentVariable} to a running Table service.", ex);
        }
    }

    public string ConnectionString { get; }

    public TableServiceClient Service { get; }

    /// <summary>Azurite's blob service, from the same connection string's BlobEndpoint.</summary>
    public BlobServiceClient Blobs => new(ConnectionString, new BlobClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(5) } });

    /// <summary>Blob storage for large payloads, in a container of the tables' prefix.</summary>
    public PayloadBlobStore CreatePayloads(StorageTables tables) => new(Blobs, tables.Names);

    /// <summary>Returned files: described in the tables, their bytes in the prefix's returns container.</summary>
    public TeamsReviewBot.Storage.InformationRequests.ReturnFileStore CreateReturnFiles(StorageTables tables) => new(tables, new TeamsReviewBot.Storage.Files.CaseFileBlobs(Blobs));

    /// <summary>A fresh, unique table prefix (letters and digits only, as table names require).</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public StorageTables CreateTables(string? prefix = null) => new(Service, new TableNames(prefix ?? NewPrefix()));
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
