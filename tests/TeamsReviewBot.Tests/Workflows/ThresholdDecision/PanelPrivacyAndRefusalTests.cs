using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.ThresholdDecision;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>Who may vote and who may see the child's details; every refusal and every view is on the case's record.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PanelPrivacyAndRefusalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_non_member_who_clicks_vote_is_refused_in_a_sentence_and_the_attempt_is_on_the_audit_trail()
    {
        var code = await _bot.ReferAsync(Bea);

        var answer = await _bot.VoteAsync(Vic, code, "no-further-action", "I think it is fine.");

        Assert.Equal("application/vnd.microsoft.activity.message", answer["type"]!.GetValue<string>());
        Assert.Equal(
            "Only the voting members of the Oldham Safeguarding Children Partnership panel can vote on case " + code + ", and you are not one of them, so your vote was not counted. This attempt is recorded on the case's audit trail.",
            answer["value"]!.GetValue<string>());
        Assert.Empty(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));
        var refused = Assert.Single(await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused));
        Assert.Equal("vote", refused.Verb);
        Assert.Equal(Vic.AadObjectId, refused.Actor.ObjectId);
        Assert.Equal("Vic Torres", refused.Actor.Name);
        Assert.Contains("holds no voting seat", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_childs_details_are_shown_only_to_a_member_who_asks_and_each_view_is_recorded()
    {
        var code = await _bot.ReferAsync(Bea);

        var shown = await _bot.PressAsync(Lola, code, "view-referral");
        var words = PanelBot.Words(shown);
        Assert.Contains(PanelBot.ChildName, words, StringComparison.Ordinal);
        Assert.Contains(PanelBot.ChildAddress, words, StringComparison.Ordinal);
        Assert.Contains("Only you can see this view", words, StringComparison.Ordinal);
        var viewed = Assert.Single(await _bot.EventsAsync<ReferralViewed>(code, PanelEventTypes.ReferralViewed));
        Assert.Equal(Lola.AadObjectId, viewed.Actor.ObjectId);

        var refused = await _bot.PressAsync(Vic, code, "view-referral");
        Assert.DoesNotContain(PanelBot.ChildName, PanelBot.Words(refused), StringComparison.Ordinal);
        Assert.Contains("nothing was shown", PanelBot.Words(refused), StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused));

        // Nothing the bot put into the channel carries the child's name, date of birth or address.
        await _bot.VoteAsync(Lola, code, "rapid-review", "a");
        await _bot.SharedCardAsync(code, json => json.Contains("Votes: 1 of 3", StringComparison.Ordinal), "the tally");
        var channel = _bot.ChannelTraffic();
        Assert.DoesNotContain(PanelBot.ChildName, channel, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, channel, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-14", channel, StringComparison.Ordinal);
        Assert.DoesNotContain("14 March 2026", channel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_submit_fallback_the_childs_details_are_never_shown_and_a_vote_card_never_replaces_the_shared_card()
    {
        var code = await _bot.ReferAsync(Bea);

        (await _bot.SubmitAsync(Lola, code, "view-referral")).EnsureSuccessStatusCode();
        var refusal = await _bot.Teams.WaitForCallAsync(c => c.Text.Contains("cannot show a view only you can see", StringComparison.Ordinal), "the sentence about the old client");
        Assert.StartsWith("/v3/conversations/" + PanelBot.Channel, refusal.Path, StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<ReferralViewed>(code, PanelEventTypes.ReferralViewed));

        (await _bot.SubmitAsync(Pat, code, "vote", new System.Text.Json.Nodes.JsonObject
        {
            ["abuseOrNeglect"] = "yes", ["deathOrSeriousHarm"] = "yes", ["inArea"] = "yes", ["notifiable"] = "yes",
            ["outcome"] = "rapid-review", ["rationale"] = "Submitted from an older client.",
        })).EnsureSuccessStatusCode();
        await _bot.Teams.WaitForCallAsync(c => c.Text.Contains("Thank you, Pat Okafor", StringComparison.Ordinal), "the thank-you sentence");
        Assert.Single(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));
        await _bot.SharedCardAsync(code, json => json.Contains("Votes: 1 of 3", StringComparison.Ordinal), "the tally");
        var channel = _bot.ChannelTraffic();
        Assert.DoesNotContain(PanelBot.ChildName, channel, StringComparison.Ordinal);
        Assert.DoesNotContain("Submitted from an older client.", channel, StringComparison.Ordinal);
        Assert.DoesNotContain("Your vote for", channel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_card_is_fetched_for_each_voter_and_others_see_the_shared_card()
    {
        var code = await _bot.ReferAsync(Bea);

        var voter = PanelBot.Words(await _bot.PressAsync(Pat, code, "refresh", automatic: true));
        var manager = PanelBot.Words(await _bot.PressAsync(Bea, code, "refresh", automatic: true));

        Assert.Contains("Your vote for the Superintendent/Detective Chief Inspector – GMP", voter, StringComparison.Ordinal);
        Assert.Contains("Is abuse or neglect known or suspected?", voter, StringComparison.Ordinal);
        Assert.Contains("Please give your rationale", voter, StringComparison.Ordinal);
        Assert.DoesNotContain("Your vote", manager, StringComparison.Ordinal);
        Assert.Contains("Votes: 0 of 3 seats", manager, StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused));
    }

    [Fact]
    public async Task The_shared_card_asks_the_clients_of_the_voters_still_to_vote_to_refresh_and_a_personal_card_only_its_viewer()
    {
        // Without the voters' Teams ids the list is left out: a small channel refreshes for everyone.
        var first = await _bot.ReferAsync(Bea);
        var posted = await _bot.Teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the first case's thread");
        Assert.Null(posted.Card!["refresh"]!["userIds"]);

        foreach (var voter in new[] { Lola, Pat, Hana, Dev })
        {
            await _bot.PersonalInstallAsync(voter);
        }

        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "a");
        var shared = await _bot.SharedCardAsync(code, json => json.Contains("Votes: 1 of 3", StringComparison.Ordinal), "the tally after one vote");
        var pending = shared.Card!["refresh"]!["userIds"]!.AsArray().Select(n => n!.GetValue<string>()).Order().ToList();
        Assert.Equal([Dev.TeamsId, Hana.TeamsId, Pat.TeamsId], pending);

        var personal = await _bot.PressAsync(Pat, code, "refresh", automatic: true);
        Assert.Equal(Pat.TeamsId, Assert.Single(personal["value"]!["refresh"]!["userIds"]!.AsArray())!.GetValue<string>());
        Assert.NotEqual(first, code);
    }

    [Fact]
    public async Task A_refer_form_with_a_missing_field_is_answered_with_what_is_missing_and_opens_nothing()
    {
        await _bot.SayAsync(Bea, "refer");
        var form = await _bot.Teams.WaitForCallAsync(c => c.Card?.ToJsonString().Contains("\"verb\":\"refer\"", StringComparison.Ordinal) == true, "the refer form");
        var formId = form.Card!["actions"]![0]!["data"]!["formId"]!.GetValue<string>();

        var answer = await _bot.InvokeAsync(Bea, "refer", new System.Text.Json.Nodes.JsonObject { ["formId"] = formId, ["partnership"] = "oldham", ["referralKind"] = "referral" }, conversationId: "a:chat-" + Bea.TeamsId);

        Assert.Contains("Please give the date it was received, the incident category", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Teams.Calls, c => c.Path == "/v3/conversations");

        var visitor = await _bot.InvokeAsync(Vic, "refer", new System.Text.Json.Nodes.JsonObject { ["formId"] = formId }, conversationId: "a:chat-" + Vic.TeamsId);
        Assert.Contains("Only a business manager can open a case.", visitor["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refer_form_whose_incident_category_was_typed_over_the_choices_is_refused_and_opens_nothing()
    {
        await _bot.SayAsync(Bea, "refer");
        var form = await _bot.Teams.WaitForCallAsync(c => c.Card?.ToJsonString().Contains("\"verb\":\"refer\"", StringComparison.Ordinal) == true, "the refer form");
        var formId = form.Card!["actions"]![0]!["data"]!["formId"]!.GetValue<string>();
        var received = _bot.Clock.GetUtcNow().AddHours(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var answer = await _bot.InvokeAsync(Bea, "refer", new System.Text.Json.Nodes.JsonObject
        {
            ["formId"] = formId,
            ["partnership"] = "oldham",
            ["referralKind"] = "referral",
            ["receivedOn"] = received,
            ["receivedAt"] = "09:00",
            ["incidentCategory"] = "Amelia Testchild, hit at 12 Example Street",
            ["ageBand"] = "Under 1",
            ["incidentDate"] = received,
            ["referringOrganisation"] = "Hollybank Primary School",
            ["referrerEmail"] = "referrer@school.example",
            ["childName"] = PanelBot.ChildName,
            ["childDateOfBirth"] = "2026-03-14",
            ["childAddress"] = PanelBot.ChildAddress,
        }, conversationId: "a:chat-" + Bea.TeamsId);

        Assert.Contains("the incident category as one of the form's choices", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Teams.Calls, c => c.Path == "/v3/conversations");
    }
}
