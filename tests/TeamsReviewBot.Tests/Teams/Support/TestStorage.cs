namespace TeamsReviewBot.Tests.Teams.Support;

/// <summary>The Azurite Table service the integration tests use, from TEAMSREVIEWBOT_TEST_STORAGE.</summary>
public static class TestStorage
{
    public const string Variable = "TEAMSREVIEWBOT_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {Variable} to an Azurite connection string (start Azurite's table service first) to run the storage tests.");

    /// <summary>A fresh table prefix, so every test gets empty tables.</summary>
    public static string NewPrefix(string hint) => "t" + hint + Guid.NewGuid().ToString("N")[..10];
}
