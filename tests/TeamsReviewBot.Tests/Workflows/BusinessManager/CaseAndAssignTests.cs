using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.BusinessManager;

/// <summary>"case ‹code›" and "assign" through /api/messages: who may see a case's card and what it
/// shows, and a role recorded on the case with its holder told in their personal chat.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseAndAssignTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>Listed by the partnership (an independent scrutineer) but on no seat of Oldham's panel.</summary>
    private static readonly Person Sam = new("29:user-scrutineer", "30000000-0000-0000-0000-000000000011", "Sam Tully", "Scrutineer");

    private static readonly IReadOnlyList<Person> People = [Bea, Lola, Pat, Hana, Dev, Vic, Sam];

    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_case_card_shows_where_the_case_stands_to_its_business_manager_and_panel_and_refuses_others()
    {
        var code = await StartWithCaseAsync();
        await _bot!.VoteAsync(Pat, code, "rapid-review", "Serious harm.");

        var card = await CaseCardAsync(Bea, code);
        var words = PanelBot.Words(card);
        Assert.Equal($"Case {code}", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("awaiting the panel's decision", Fact(card, "Stage"));
        Assert.Equal("Virtual Panel threshold decision, Tuesday 24 November 2026, 5 pm", Fact(card, "Next deadline"));
        Assert.Equal("not booked", Fact(card, "Meeting"));
        Assert.Equal("no report version yet", Fact(card, "Sign-off"));
        Assert.Contains("threshold vote: ", words, StringComparison.Ordinal);
        Assert.Contains("(Lola Adeyemi)", words, StringComparison.Ordinal);
        Assert.Contains("(Hana Brook, Dev Shah as deputy)", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Pat Okafor", words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, words, StringComparison.Ordinal);

        var actions = card["actions"]!.AsArray();
        var thread = (await _bot.CaseAsync(code)).Thread!;
        Assert.Contains(actions, a => a!["type"]!.GetValue<string>() == "Action.OpenUrl"
            && a["url"]!.GetValue<string>().StartsWith($"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(thread.ChannelId)}/{Uri.EscapeDataString(thread.MessageId)}?", StringComparison.Ordinal));
        Assert.Contains(actions, a => a!["data"]?["msteams"]?["value"]?.GetValue<string>() == $"timetable {code}");

        // A statutory partner on the panel may look; the deputy too.
        Assert.Equal("awaiting the panel's decision", Fact(await CaseCardAsync(Lola, code), "Stage"));
        Assert.Equal("awaiting the panel's decision", Fact(await CaseCardAsync(Dev, code), "Stage"));

        // Someone listed but on no seat of this case is refused in a sentence, and the refusal is audited.
        await _bot.SayAsync(Sam, "case " + code);
        await _bot.WaitForPersonalAsync(Sam, "you are neither, so nothing is shown");
        var audit = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(_bot.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Contains(audit, r => r.GetString("Action") == "command:case" && r.GetString("ActorAadObjectId") == Sam.AadObjectId);

        await _bot.SayAsync(Vic, "case " + code);
        await _bot.WaitForPersonalAsync(Vic, "Only the partnership's business managers and the case's panel members can see a case.");

        await _bot.SayAsync(Bea, "case");
        await _bot.WaitForPersonalAsync(Bea, "Please type: case ‹case code›, for example: case RR-OLD-2026-0007.");
        await _bot.SayAsync(Bea, "case RR-OLD-2026-9999");
        await _bot.WaitForPersonalAsync(Bea, "I can't find case RR-OLD-2026-9999");
    }

    [Fact]
    public async Task Assigning_a_role_records_it_tells_the_person_once_and_lets_them_see_the_case()
    {
        var code = await StartWithCaseAsync();

        await _bot!.SayAsync(Bea, $"assign {code} lead reviewer Sam Tully");
        var reply = await _bot.WaitForPersonalAsync(Bea, "is now the case's lead reviewer");
        Assert.Contains("I told Sam Tully in their personal chat.", reply, StringComparison.Ordinal);

        var recorded = Assert.Single(await _bot.EventsAsync<RoleAssigned>(code, CaseEventTypes.RoleAssigned));
        Assert.Equal(("lead-reviewer", Sam.AadObjectId, "Sam Tully", "Bea Manning"), (recorded.Role, recorded.AadObjectId, recorded.Name, recorded.Actor.Name));
        Assert.Single(NoticesTo(Sam, code));

        // The same again changes nothing and tells nobody twice.
        await _bot.SayAsync(Bea, $"assign {code} lead-reviewer sam");
        await _bot.WaitForPersonalAsync(Bea, "is already the lead reviewer");
        Assert.Single(await _bot.EventsAsync<RoleAssigned>(code, CaseEventTypes.RoleAssigned));
        Assert.Single(NoticesTo(Sam, code));

        // A role holder may now see the case; the card lists the role.
        var card = await CaseCardAsync(Sam, code);
        Assert.Contains("lead reviewer: Sam Tully", PanelBot.Words(card), StringComparison.Ordinal);

        // A new chair replaces the old one, who is named on the record.
        await _bot.SayAsync(Bea, $"assign {code} chair Lola Adeyemi");
        await _bot.WaitForPersonalAsync(Bea, "Lola Adeyemi is now the case's chair");
        await _bot.SayAsync(Bea, $"assign {code} chair Hana Brook");
        await _bot.WaitForPersonalAsync(Bea, "Hana Brook is now the case's chair");
        Assert.Equal("Lola Adeyemi", (await _bot.EventsAsync<RoleAssigned>(code, CaseEventTypes.RoleAssigned))[^1].Replaced);
        Assert.Equal("Hana Brook", (await _bot.CaseAsync(code)).Assignments["chair"].Name);
    }

    [Theory]
    [InlineData("assign", "Please type: assign ‹case code› ‹chair | author | lead reviewer | independent adviser› ‹person›")]
    [InlineData("assign {code} boss Sam Tully", "the roles are chair, author, lead reviewer, independent adviser")]
    [InlineData("assign {code} chair", "Tell me the role and the person")]
    [InlineData("assign {code} author Nobody Known", "\"Nobody Known\" is not one of the partnership's people; give their name as listed:")]
    [InlineData("assign RR-OLD-2026-9999 author Sam Tully", "I can't find case RR-OLD-2026-9999")]
    public async Task Bad_assign_arguments_are_refused_with_the_right_form_and_change_nothing(string typed, string expected)
    {
        var code = await StartWithCaseAsync();

        await _bot!.SayAsync(Bea, typed.Replace("{code}", code, StringComparison.Ordinal));

        Assert.Contains("Nothing was changed.", await _bot.WaitForPersonalAsync(Bea, expected), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<RoleAssigned>(code, CaseEventTypes.RoleAssigned));
    }

    [Fact]
    public async Task Only_a_business_manager_may_assign()
    {
        var code = await StartWithCaseAsync();

        await _bot!.SayAsync(Pat, $"assign {code} chair Pat Okafor");

        await _bot.WaitForPersonalAsync(Pat, "Only a business manager can assign a case's roles. Nothing was changed.");
        Assert.Empty(await _bot.EventsAsync<RoleAssigned>(code, CaseEventTypes.RoleAssigned));
    }

    private async Task<string> StartWithCaseAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", People, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });
        foreach (var person in People)
        {
            await _bot.PersonalInstallAsync(person);
        }

        return await _bot.ReferAsync(Bea);
    }

    private async Task<JsonNode> CaseCardAsync(Person person, string code)
    {
        var before = _bot!.Teams.Calls.Count;
        await _bot.SayAsync(person, "case " + code);
        var call = await _bot.Teams.WaitForCallAsync(
            c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Card?["body"]?[0]?["text"]?.GetValue<string>() == $"Case {code}"
                && _bot.Teams.Calls.ToList().IndexOf(c) >= before,
            $"the case card for {person.Name}");
        return call.Card!;
    }

    private List<JsonNode> NoticesTo(Person person, string code) =>
        [.. _bot!.Teams.Calls
            .Where(c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal)
                && c.Card?["body"]?[0]?["text"]?.GetValue<string>() is { } heading && heading.EndsWith($"of case {code}", StringComparison.Ordinal))
            .Select(c => c.Card!)];

    private static string Fact(JsonNode card, string title) =>
        card["body"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(b => b!["facts"]!.AsArray())
            .First(f => f!["title"]!.GetValue<string>() == title)!["value"]!.GetValue<string>();
}
