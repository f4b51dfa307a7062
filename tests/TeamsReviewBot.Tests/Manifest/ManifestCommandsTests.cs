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

    [Fact]
    public async Task Every_command_the_bot_has_is_in_the_personal_menu()
    {
        await using var bot = new BotApplicationFactory(azurite);
        var catalogue = bot.Services.GetRequiredService<CommandCatalogue>();

        var personal = ManifestCommandTitles("personal");

        Assert.All(catalogue.All, command => Assert.Contains(command.Name, personal));
    }

    private static List<string> ManifestCommandTitles(string? scope = null)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "manifest", "manifest.json")))!;
        return [.. manifest["bots"]![0]!["commandLists"]!.AsArray()
            .Where(list => scope is null || list!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))
            .SelectMany(list => list!["commands"]!.AsArray())
            .Select(command => command!["title"]!.GetValue<string>())
            .Distinct()];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TeamsReviewBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TeamsReviewBot.sln not found above " + AppContext.BaseDirectory);
    }
}
