using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Playbooks;
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

            var error = Assert.ThrowsAny<Exception>(bot.StartServer);

            var playbookError = FindInner<PlaybookException>(error);
            Assert.Equal("Playbook salford.json is not valid: decision.quorum: is 9 but there are 4 voting seats.", playbookError.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static T FindInner<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<T>().FirstOrDefault() is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} in {error}");
    }
}
