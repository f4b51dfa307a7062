using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Cards;

/// <summary>
/// Every card the bot can produce, parsed and validated by the official adaptivecards library
/// (npm 3.0.6, through tests/cards/check-cards.js). Any parse or validation event fails the test.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AdaptiveCardValidationTests(AzuriteFixture azurite)
{
    /// <summary>Public static methods in bot/Cards that return a whole card (not the element helpers).</summary>
    private static IEnumerable<string> CardBuilders() =>
        typeof(HelpCard).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(HelpCard).Namespace && t != typeof(AdaptiveCard))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(JsonObject)).Select(m => $"{t.Name}.{m.Name}"))
            .Distinct();

    [Fact]
    public void Every_card_builder_has_samples_to_validate()
    {
        var missing = CardBuilders().Where(b => !CardSamples.ByBuilder.ContainsKey(b)).ToList();

        Assert.True(missing.Count == 0, $"Add samples to tests/TeamsReviewBot.Tests/Cards/CardSamples.cs for: {string.Join(", ", missing)}");
        Assert.Contains("ConnectionCheckCard.Build", CardBuilders());
    }

    [Fact]
    public async Task Every_card_parses_without_a_single_warning_in_the_official_library()
    {
        await using var bot = new BotApplicationFactory(azurite);
        var samples = CardSamples.ByBuilder.SelectMany(b => b.Value(bot.Services)).ToList();
        var input = new JsonArray([.. samples.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["card"] = s.Card.DeepClone() })]);

        var results = await RunCheckerAsync(input.ToJsonString());

        Assert.Equal(samples.Count, results.Count);
        var problems = results
            .SelectMany(r => r!["events"]!.AsArray().Select(e => $"{r["name"]}: {e!["phase"]} {e["event"]} — {e["message"]}"))
            .ToList();
        Assert.True(problems.Count == 0, "Card problems:\n" + string.Join("\n", problems));
        Assert.All(samples, s => Assert.Equal("1.5", s.Card["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_checker_does_fail_a_broken_card()
    {
        var broken = """[{"name":"broken","card":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"typo"},{"type":"Input.Text","id":"dup"},{"type":"Input.Text","id":"dup"}]}}]""";

        var results = await RunCheckerAsync(broken);

        var events = results[0]!["events"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()).ToList();
        Assert.Contains("UnknownElementType", events);
        Assert.Contains("DuplicateId", events);
    }

    private static async Task<JsonArray> RunCheckerAsync(string input)
    {
        var root = RepositoryRoot.Folder;
        var script = Path.Combine(root, "tests", "cards", "check-cards.js");
        if (!Directory.Exists(Path.Combine(root, "node_modules", "adaptivecards")))
        {
            Assert.Fail($"node_modules/adaptivecards is missing under {root}: run `npm ci` in the repository first.");
        }

        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        // Qualified: TeamsReviewBot.Process (the review process core) shares the name.
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"`node` (20 or later) is needed to validate cards and could not be started: {ex.Message}");
            throw;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"check-cards.js failed ({process.ExitCode}): {errors}");
            return JsonNode.Parse(output)!.AsArray();
        }
    }
}
