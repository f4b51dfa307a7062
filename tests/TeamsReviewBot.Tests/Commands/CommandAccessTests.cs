using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using CaseActor = TeamsReviewBot.Process.Cases.Actor;

namespace TeamsReviewBot.Tests.Commands;

/// <summary>
/// Every command says who may run it and where; anyone else gets one sentence, nothing of what
/// the command would have shown, and a row in the audit table. Through the whole bot: a Teams
/// message over HTTP in, the reply to the connector out.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CommandAccessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string StrangerAad = "59999999-0000-0000-0000-000000000009";
    private static readonly JsonObject Stranger = Activities.From("29:user-stranger", StrangerAad, "Sam Stranger");

    private FakeConnector _connector = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var settings = TestIds.People();
        settings["Partnership:Playbook"] = "oldham";
        _bot = new BotApplicationFactory(azurite, settings);
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<string> AskAsync(JsonObject activity)
    {
        var before = _connector.Calls.Count;
        (await _client.PostAsync(activity)).EnsureSuccessStatusCode();
        var calls = await _connector.WaitForAsync(all => all.Count > before);
        return Assert.Single(calls.Skip(before)).Body!["text"]!.GetValue<string>();
    }

    private Task<string> AskInPersonalChatAsync(JsonObject who, string text) =>
        AskAsync(Activities.PersonalMessage(_connector.ServiceUrl, who, text, chatId: "a:personal-" + who["id"]!.GetValue<string>()));

    private Task<string> AskInChannelAsync(JsonObject who, string text)
    {
        var message = Activities.PersonalMessage(_connector.ServiceUrl, who, text);
        message["conversation"] = new JsonObject { ["id"] = TestIds.Channel + ";messageid=7001", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TestIds.Tenant };
        message["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TestIds.Tenant },
            ["team"] = new JsonObject { ["id"] = TestIds.Team },
            ["channel"] = new JsonObject { ["id"] = TestIds.Channel },
        };
        return AskAsync(message);
    }

    private async Task<IReadOnlyList<Azure.Data.Tables.TableEntity>> RefusalsAsync() =>
        await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);

    private async Task<string> OpenCaseAsync()
    {
        var opened = await _bot.Services.GetRequiredService<CaseService>().OpenAsync(
            "oldham", CaseRules.Referral, DateTimeOffset.UtcNow, new CaseActor(TestIds.AdaAad, "Ada Lovelace", Roles.BusinessManager, null), "Referral by email.", CancellationToken.None);
        return opened.CaseCode;
    }

    [Fact]
    public async Task A_stranger_cannot_read_the_mail_list_and_the_attempt_is_audited()
    {
        var reply = await AskInPersonalChatAsync(Stranger, "mail");

        Assert.Equal("Only a business manager can see the mail waiting in the partnership mailbox.", reply);
        var refusal = Assert.Single(await RefusalsAsync());
        Assert.Equal("command:mail", refusal.GetString("Action"));
        Assert.Equal(StrangerAad, refusal.GetString("ActorAadObjectId"));
        Assert.Equal("Sam Stranger does not hold any of: business manager", refusal.GetString("Reason"));
    }

    [Fact]
    public async Task The_mail_list_is_never_shown_in_a_channel_not_even_to_a_business_manager()
    {
        var reply = await AskInChannelAsync(Activities.Ada, "mail");

        Assert.Equal("I answer \"mail\" only in your personal chat with me: the list shows senders' addresses and links to their messages. Nothing was shown here.", reply);
        var refusal = Assert.Single(await RefusalsAsync());
        Assert.Equal("asked in a channel conversation; answered only in a personal chat", refusal.GetString("Reason"));
    }

    [Fact]
    public async Task A_stranger_cannot_read_a_cases_timetable_by_guessing_its_code()
    {
        var code = await OpenCaseAsync();

        var reply = await AskInPersonalChatAsync(Stranger, "timetable " + code);

        Assert.Equal("Only the partnership's panel members and business managers can see a case's timetable.", reply);
        Assert.Equal("command:timetable", Assert.Single(await RefusalsAsync()).GetString("Action"));
    }

    [Fact]
    public async Task A_stranger_cannot_read_where_a_cases_information_requests_stand()
    {
        var code = await OpenCaseAsync();

        var reply = await AskInPersonalChatAsync(Stranger, "requests " + code);

        Assert.Equal("Only the partnership's panel members and business managers can see where a case's information requests stand.", reply);
        Assert.Single(await RefusalsAsync());
    }

    [Fact]
    public async Task A_stranger_cannot_list_the_agency_leads_addresses()
    {
        var reply = await AskInPersonalChatAsync(Stranger, "agencies");

        Assert.Equal("Only the partnership's panel members and business managers can see the agency directory.", reply);
        Assert.Single(await RefusalsAsync());
    }

    [Fact]
    public async Task A_panel_member_may_list_the_agencies_in_a_personal_chat_but_not_in_the_channel()
    {
        Assert.StartsWith("The agency directory is empty", await AskInPersonalChatAsync(Activities.Bob, "agencies"), StringComparison.Ordinal);

        Assert.StartsWith("I answer \"agencies\" only in your personal chat with me", await AskInChannelAsync(Activities.Bob, "agencies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_business_managers_object_id_in_a_message_that_names_no_tenant_gets_no_role()
    {
        var message = Activities.PersonalMessage(_connector.ServiceUrl, Activities.Ada, "agencies add Hollins Primary School | school | attacker@evil.example");
        message["conversation"]!.AsObject().Remove("tenantId");
        message.Remove("channelData");

        var reply = await AskAsync(message);

        Assert.Equal("Only a business manager can change the agency directory.", reply);
        Assert.Equal("command:agencies", Assert.Single(await RefusalsAsync()).GetString("Action"));
    }

    [Fact]
    public async Task A_business_manager_in_someone_elses_tenant_is_someone_else()
    {
        var ada = Activities.Ada;
        ada["tenantId"] = "99999999-9999-9999-9999-999999999999";

        var reply = await AskInPersonalChatAsync(ada, "mail");

        Assert.Equal("Only a business manager can see the mail waiting in the partnership mailbox.", reply);
    }

    [Fact]
    public void Every_command_declares_who_may_use_it_with_a_sentence_for_everyone_else()
    {
        var commands = _bot.Services.GetRequiredService<CommandCatalogue>().All;

        Assert.All(commands, c =>
        {
            var access = c.AccessFor(string.Empty);
            Assert.True(access.Roles.Count == 0 || access.Refusal.EndsWith('.'), $"{c.Name} refuses without a sentence.");
        });
        Assert.Equal(CommandAccess.Anyone, commands.Single(c => c.Name == "help").AccessFor(string.Empty));
    }
}
