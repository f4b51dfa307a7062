using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Manifest;

/// <summary>What Teams needs in manifest/manifest.json for the author to attach a report version in the
/// personal chat (supportsFiles) and for panel members' plain replies in a case's thread to reach the
/// bot without an @mention (the application RSC permission ChannelMessage.Read.Group, which needs
/// webApplicationInfo naming the bot's app registration).</summary>
public sealed class ManifestFilesAndRepliesTests
{
    [Fact]
    public void The_bot_takes_files_in_the_personal_chat()
    {
        var bot = Manifest()["bots"]![0]!;
        Assert.True(bot["supportsFiles"]!.GetValue<bool>());
        Assert.Contains("personal", bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void The_bot_receives_every_channel_message_of_its_team_through_resource_specific_consent()
    {
        var manifest = Manifest();
        var permissions = manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray();
        Assert.Contains(permissions, p => p!["name"]!.GetValue<string>() == "ChannelMessage.Read.Group" && p["type"]!.GetValue<string>() == "Application");
        Assert.Equal(manifest["bots"]![0]!["botId"]!.GetValue<string>(), manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
    }

    private static JsonNode Manifest() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "manifest", "manifest.json")))!;
}
