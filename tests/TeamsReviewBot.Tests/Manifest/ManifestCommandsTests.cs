using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Manifest;

/// <summary>The command menu Teams shows comes from manifest/manifest.json; every entry must be a
/// command the bot really has, or a business manager picks it and is told it does not exist.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ManifestCommandsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_command_in_the_Teams_menu_is_a_command_the_bot_understands()
    {
        await using var bot = new BotApplicationFactory(azurite);
        var catalogue = bot.Services.GetRequiredService<CommandCatalogue>();

        var menu = ManifestCommandTitles();

        Assert.NotEmpty(menu);
        Assert.All(menu, title => Assert.True(catalogue.Find(title) is not null, $"The manifest offers \"{title}\", which the bot does not have."));
    }

    /// <summary>Teams allows at most 12 commands in one menu; these are left to "help" instead.</summary>
    private static readonly string[] LeftOutOfTheMenu =
    [
        "check-channels", // an installation check a business manager runs once in a while, not daily work
        "board", // the same picture the Case board tab shows, for a phone; the tab is where people look
        "report", // generated once or twice a case, near its end; help lists it
        "sign-off", // sent once per report version, near a case's end; help lists it
        "export", // asked for when an inspector or reviewer wants a case's trail, not daily work; help lists it
        "stats", // the partnership's yearly and quarterly figures; help lists it
        "submit", // once per case, mostly from the card each business manager gets at sign-off; help lists it
        "done", // a handful of times per case, months after its Rapid Review; help lists it
        "digest", // the digest comes by itself every working morning; on demand is the exception
        "case", // typed with a case code from a card, a digest or "cases"; help lists it
        "assign", // a few times a case, by a business manager; help lists it
        "lead", // once on a cross-boundary case, from the card that asks; help lists it
        "comments", // read while writing the next report version, and from the notice that names it; help lists it
        "wt2018", // once per report version, in Gloucestershire only, beside the partners' sign-off; help lists it
    ];

    [Fact]
    public async Task Every_command_the_bot_has_is_in_the_personal_menu_but_those_left_to_help_when_the_menu_is_full()
    {
        await using var bot = new BotApplicationFactory(azurite);
        var catalogue = bot.Services.GetRequiredService<CommandCatalogue>();

        var personal = ManifestCommandTitles("personal");

        Assert.InRange(personal.Count, 1, 12);
        Assert.All(catalogue.All.Where(c => !LeftOutOfTheMenu.Contains(c.Name)), command => Assert.Contains(command.Name, personal));
        Assert.All(LeftOutOfTheMenu, name => Assert.True(catalogue.Find(name) is not null, $"\"{name}\" is left out of the menu but the bot does not have it."));
        // A command is left out only while the menu is full.
        Assert.Equal(12, personal.Count);
    }

    private static List<string> ManifestCommandTitles(string? scope = null)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "manifest", "manifest.json")))!;
        return [.. manifest["bots"]![0]!["commandLists"]!.AsArray()
            .Where(list => scope is null || list!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))
            .SelectMany(list => list!["commands"]!.AsArray())
            .Select(command => command!["title"]!.GetValue<string>())
            .Distinct()];
    }
}
