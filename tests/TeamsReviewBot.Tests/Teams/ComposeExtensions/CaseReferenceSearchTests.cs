using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Teams.ComposeExtensions;

/// <summary>
/// The "Case reference" search in Teams and Outlook compose: composeExtension/query invokes posted to
/// /api/messages of the whole bot on Kestrel, over cases opened through the case service on Azurite.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseReferenceSearchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ManagerAad = "60000000-0000-0000-0000-000000000001";
    private const string PoliceAad = "60000000-0000-0000-0000-000000000002";
    private const string StrangerAad = "60000000-0000-0000-0000-000000000009";
    private const string ChildName = "Jamie Quellington";
    private const string ChildBirthDate = "14/03/2019";
    private const string ChildAddress = "12 Larkspur Row";
    private static readonly Actor Manager = new(ManagerAad, "Bea Manning", Roles.BusinessManager, "partnership business unit");

    private ChatBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBot.StartAsync(azurite, ChatBot.ManagerAndPoliceLead(ManagerAad, PoliceAad));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private CaseService Cases => _bot.Services.GetRequiredService<CaseService>();

    /// <summary>A referral whose child's details are sealed with the case, as intake seals them.</summary>
    private async Task<CaseState> OpenWithChildAsync(string partnership, DateTimeOffset receivedAt)
    {
        var opened = await Cases.OpenAsync(partnership, CaseRules.Referral, receivedAt, Manager, "Referral by email.", CancellationToken.None);
        var fields = new Dictionary<string, string> { ["child-name"] = ChildName, ["child-dob"] = ChildBirthDate, ["child-address"] = ChildAddress };
        await _bot.Services.GetRequiredService<ReferralVault>().SealAsync(opened.CaseCode, new SealedReferral(fields, new Dictionary<string, string>()), CancellationToken.None);
        return opened;
    }

    private static JsonObject Query(string aadObjectId, string name, JsonNode? value) => new()
    {
        ["type"] = "invoke",
        ["name"] = "composeExtension/query",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = "http://localhost:1/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-" + aadObjectId[..8], ["name"] = name, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = TestIds.Bot, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:compose-" + aadObjectId[..8], ["conversationType"] = "personal", ["tenantId"] = ChatBot.Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = ChatBot.Tenant } },
        ["value"] = value,
    };

    private static JsonObject Search(string typed) => new()
    {
        ["commandId"] = "caseReference",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "caseCode", ["value"] = typed }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    };

    private async Task<JsonObject> AskAsync(string aadObjectId, string name, JsonNode? value)
    {
        var response = await _bot.Client.PostAsync(Query(aadObjectId, name, value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)(await response.BodyAsync())["composeExtension"]!;
    }

    private static List<string> Codes(JsonObject result)
    {
        Assert.Equal("result", (string?)result["type"]);
        Assert.Equal("list", (string?)result["attachmentLayout"]);
        return [.. result["attachments"]!.AsArray().Select(a => (string)a!["preview"]!["content"]!["title"]!)];
    }

    [Fact]
    public async Task A_full_code_finds_that_case_and_inserts_a_card_with_its_partnership_stage_and_next_deadline()
    {
        var wanted = await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-1));
        await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-2));

        var result = await AskAsync(ManagerAad, "Bea Manning", Search(wanted.CaseCode.ToLowerInvariant()));

        Assert.Equal([wanted.CaseCode], Codes(result));
        var attachment = result["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)attachment["preview"]!["contentType"]);
        var card = attachment["content"]!.ToJsonString();
        Assert.Contains($"Rapid Review case {wanted.CaseCode}", card, StringComparison.Ordinal);
        Assert.Contains("Oldham Safeguarding Children Partnership", card, StringComparison.Ordinal);
        Assert.Contains("referred", card, StringComparison.Ordinal);
        var index = await _bot.Services.GetRequiredService<CaseIndexStore>().FindAsync("oldham", wanted.CaseCode);
        Assert.Contains(index!.NextDeadlineName!, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_of_a_code_or_a_partnership_name_lists_the_matching_cases_soonest_deadline_first()
    {
        var older = await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-3));
        var newer = await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-1));
        var salford = await OpenWithChildAsync("salford", DateTimeOffset.UtcNow.AddDays(-1));

        var byPrefix = Codes(await AskAsync(ManagerAad, "Bea Manning", Search("rr-old")));
        var byName = Codes(await AskAsync(ManagerAad, "Bea Manning", Search("Salford")));
        var byNumber = Codes(await AskAsync(ManagerAad, "Bea Manning", Search(newer.CaseCode[^4..])));

        Assert.Equal([older.CaseCode, newer.CaseCode], byPrefix.Where(c => c == older.CaseCode || c == newer.CaseCode));
        Assert.DoesNotContain(salford.CaseCode, byPrefix);
        Assert.Contains(salford.CaseCode, byName);
        Assert.DoesNotContain(older.CaseCode, byName);
        Assert.Contains(newer.CaseCode, byNumber);
    }

    [Fact]
    public async Task A_panel_member_finds_only_cases_put_to_the_panel_and_someone_unlisted_is_refused_and_audited()
    {
        var referred = await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-1));
        var atPanel = await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-1));
        await Cases.ExecuteAsync(atPanel.CaseCode, (rules, state, now) => rules.PutToPanel(state, Manager, now), CancellationToken.None);

        var panel = Codes(await AskAsync(PoliceAad, "Pat Okafor", Search("RR-OLD")));
        var stranger = await AskAsync(StrangerAad, "Sam Stranger", Search("RR-OLD"));

        Assert.Contains(atPanel.CaseCode, panel);
        Assert.DoesNotContain(referred.CaseCode, panel);
        Assert.Equal("message", (string?)stranger["type"]);
        Assert.Equal(CaseReferenceSearch.Refusal, (string?)stranger["text"]);
        Assert.Null(stranger["attachments"]);
        var audit = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Contains(audit, row => row.GetString("Action") == "compose:caseReference" && row.GetString("ActorAadObjectId") == StrangerAad);
    }

    [Fact]
    public async Task No_result_carries_the_childs_name_date_of_birth_or_address()
    {
        await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-1));
        await OpenWithChildAsync("salford", DateTimeOffset.UtcNow.AddDays(-1));

        var response = await _bot.Client.PostAsync(Query(ManagerAad, "Bea Manning", Search(string.Empty)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("RR-OLD-", body, StringComparison.Ordinal);
        Assert.Contains("RR-SAL-", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildName, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Quellington", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ChildBirthDate, body, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildAddress, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_malformed_query_gets_a_clear_answer_not_an_error()
    {
        var open = await OpenWithChildAsync("oldham", DateTimeOffset.UtcNow.AddDays(-1));
        var symbols = await AskAsync(ManagerAad, "Bea Manning", Search("RR-OLD'; DROP"));
        var tooLong = await AskAsync(ManagerAad, "Bea Manning", Search(new string('R', 200)));
        var noValue = await AskAsync(ManagerAad, "Bea Manning", null);
        var otherCommand = await AskAsync(ManagerAad, "Bea Manning", new JsonObject { ["commandId"] = "somethingElse", ["parameters"] = "not a list" });
        var wrongTypes = await AskAsync(ManagerAad, "Bea Manning", new JsonObject { ["commandId"] = "caseReference", ["parameters"] = new JsonArray(42, "x"), ["queryOptions"] = new JsonObject { ["skip"] = "many" } });
        var nothing = await AskAsync(ManagerAad, "Bea Manning", Search("RR-XYZ-1999"));

        foreach (var answer in new[] { symbols, tooLong })
        {
            Assert.Equal("message", (string?)answer["type"]);
            Assert.StartsWith("Type a case code such as RR-OLD-2026-0001", (string?)answer["text"], StringComparison.Ordinal);
        }

        Assert.Equal("message", (string?)noValue["type"]);
        Assert.Contains("Case reference", (string?)noValue["text"], StringComparison.Ordinal);
        Assert.Equal("message", (string?)otherCommand["type"]);
        Assert.Contains(open.CaseCode, Codes(wrongTypes));
        Assert.Equal("message", (string?)nothing["type"]);
        Assert.StartsWith("No case you can see matches that.", (string?)nothing["text"], StringComparison.Ordinal);
    }
}
