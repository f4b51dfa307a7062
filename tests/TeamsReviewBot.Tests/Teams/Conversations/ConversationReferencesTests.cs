using System.Text.Json;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Conversations;

namespace TeamsReviewBot.Tests.Teams.Conversations;

/// <summary>Where a later post must go, read from the activities Teams sends.</summary>
public sealed class ConversationReferencesTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options)!;

    [Fact]
    public void A_team_install_points_at_the_channel_Teams_names_with_the_team()
    {
        var activity = Parse("""
            {"type":"conversationUpdate","serviceUrl":"https://smba.trafficmanager.net/uk/","recipient":{"id":"28:bot","name":"TeamsReviewBot"},
             "from":{"id":"29:owner"},"membersAdded":[{"id":"28:bot"}],
             "conversation":{"id":"19:general@thread.tacv2","isGroup":true,"conversationType":"channel","tenantId":"t1"},
             "channelData":{"eventType":"teamMemberAdded","tenant":{"id":"t1"},"team":{"id":"19:general@thread.tacv2","name":"Safeguarding Partnership","aadGroupId":"g1"},"settings":{"selectedChannel":{"id":"19:general@thread.tacv2"}}}}
            """);

        var reference = ConversationReferences.From(activity)!;

        Assert.Equal(ConversationKind.Channel, reference.Kind);
        Assert.Equal("19:general@thread.tacv2", reference.ConversationId);
        Assert.Equal("https://smba.trafficmanager.net/uk/", reference.ServiceUrl);
        Assert.Equal("Safeguarding Partnership", reference.TeamName);
        Assert.Equal("t1", reference.TenantId);
        Assert.Equal("28:bot", reference.BotId);
    }

    [Fact]
    public void A_message_in_a_channel_thread_points_at_the_channel_not_the_thread()
    {
        var activity = Parse("""
            {"type":"message","serviceUrl":"https://smba.trafficmanager.net/uk/","recipient":{"id":"28:bot"},"from":{"id":"29:u"},
             "conversation":{"id":"19:panel@thread.tacv2;messageid=1795436344672","isGroup":true,"conversationType":"channel","tenantId":"t1"},
             "channelData":{"tenant":{"id":"t1"},"team":{"id":"19:team@thread.tacv2"},"channel":{"id":"19:panel@thread.tacv2","name":"Panel"}}}
            """);

        var reference = ConversationReferences.From(activity)!;

        Assert.Equal("19:panel@thread.tacv2", reference.ConversationId);
        Assert.Equal("19:team@thread.tacv2", reference.TeamId);
        Assert.Equal("Panel", reference.ChannelName);
    }

    [Fact]
    public void A_personal_chat_remembers_whose_it_is()
    {
        var activity = Parse("""
            {"type":"installationUpdate","action":"add","serviceUrl":"https://smba.trafficmanager.net/uk/","recipient":{"id":"28:bot"},
             "from":{"id":"29:bea","aadObjectId":"a-bea","name":"Bea Manning"},
             "conversation":{"id":"a:1xyz","conversationType":"personal","tenantId":"t1"},"channelData":{"tenant":{"id":"t1"}}}
            """);

        var reference = ConversationReferences.From(activity)!;

        Assert.Equal(ConversationKind.Personal, reference.Kind);
        Assert.Equal("a:1xyz", reference.ConversationId);
        Assert.Equal("29:bea", reference.UserId);
        Assert.Equal("a-bea", reference.UserAadObjectId);
    }

    [Fact]
    public void A_group_chat_is_a_group_chat()
    {
        var activity = Parse("""
            {"type":"installationUpdate","action":"add","serviceUrl":"https://x/","recipient":{"id":"28:bot"},"from":{"id":"29:u"},
             "conversation":{"id":"19:chat@thread.v2","isGroup":true,"conversationType":"groupChat","tenantId":"t1"}}
            """);

        Assert.Equal(ConversationKind.GroupChat, ConversationReferences.From(activity)!.Kind);
    }

    [Fact]
    public void Without_a_service_url_there_is_nothing_to_post_to_later()
    {
        var activity = Parse("""{"type":"installationUpdate","recipient":{"id":"28:bot"},"conversation":{"id":"a:1","tenantId":"t1"}}""");

        Assert.Null(ConversationReferences.From(activity));
    }
}
