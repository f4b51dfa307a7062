using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Tests.Graph;

/// <summary>The Azurite Table service the integration tests use, from TEAMSREVIEWBOT_TEST_STORAGE,
/// with a fresh table prefix per caller so tests never see each other's rows.</summary>
public static class TestStorage
{
    public const string Variable = "TEAMSREVIEWBOT_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {Variable} to an Azurite connection string (start azurite-table first) to run storage tests.");

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static StorageTables Tables(string prefix) => new(new TableServiceClient(ConnectionString), new TableNames(prefix));
}
