using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>A playbook that does not hold up stops the service from starting.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BadPlaybookStartupTests(AzuriteFixture azurite)
{
    [Fact]
    public void A_bad_playbook_stops_start_up_naming_the_file_the_field_and_the_reason()
    {
        var directory = Directory.CreateTempSubdirectory("playbooks");
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "playbooks", "salford.json")))!;
            json["decision"]!["quorum"] = 9;
            File.WriteAllText(Path.Combine(directory.FullName, "salford.json"), json.ToJsonString());
            using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["ReviewProcess:PlaybooksPath"] = directory.FullName });

            Assert.ThrowsAny<Exception>(bot.StartServer);

            // What the operator reads in the start-up log. The exception itself is not always the one
            // that surfaces: the test host may report its own disposal first when start-up fails.
            Assert.Contains(bot.Logs.Lines, l => l.Level >= LogLevel.Error
                && l.Message.Contains("Playbook salford.json is not valid: decision.quorum: is 9 but there are 4 voting seats.", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
