using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;

namespace TeamsReviewBot.Tests.Board;

/// <summary>
/// The case board tab with a registered app: the page's script sends the Teams SSO token, the bot
/// checks it with Microsoft.Identity.Web against keys the test publishes on its own OpenID endpoints,
/// and the partnership's roles decide what the person sees.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BoardSignInTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = "55555555-5555-5555-5555-555555555555";
    private const string ApplicationIdUri = "api://bot.example.org/botid-" + AppId;
    private const string Stranger = "66666666-6666-6666-6666-666666666666";
    private const string OtherTenant = "99999999-9999-9999-9999-999999999999";
    private static readonly ProcessActor Manager = new(TestIds.AdaAad, "Ada Lovelace", Roles.BusinessManager, "partnership business unit");

    private TestOpenIdServer _openId = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _openId = await TestOpenIdServer.StartAsync();
        var settings = TestIds.People();
        _openId.RegisteredBot(AppId, settings);
        settings["UserTokens:ApplicationIdUri"] = ApplicationIdUri;
        _bot = new BotApplicationFactory(azurite, settings);
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _openId.DisposeAsync();
    }

    /// <summary>A Teams SSO token as Entra issues it for the tab: v2 issuer of the person's tenant, the app's Application ID URI, access_as_user.</summary>
    private string Sso(string objectId, string name, string tenant = TestIds.Tenant, string audience = ApplicationIdUri, SecurityKey? key = null) =>
        TestOpenIdServer.Mint(key ?? _openId.EntraKey, $"https://login.microsoftonline.com/{tenant}/v2.0", audience, claims: new Dictionary<string, object>
        {
            ["oid"] = objectId,
            ["tid"] = tenant,
            ["name"] = name,
            ["scp"] = "access_as_user",
        });

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    private async Task<CaseState> OpenAsync(DateTimeOffset receivedAt) =>
        await _bot.Services.GetRequiredService<CaseService>().OpenAsync("oldham", CaseRules.Referral, receivedAt, Manager, "Referral by email.", CancellationToken.None);

    [Fact]
    public async Task A_business_manager_signed_in_through_Teams_gets_the_board_with_every_open_case()
    {
        var opened = await OpenAsync(DateTimeOffset.UtcNow.AddDays(-10));

        var response = await GetAsync("/board/view", Sso(TestIds.AdaAad, "Ada Lovelace"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html + _bot.Logs);
        Assert.Contains($"data-case=\"{opened.CaseCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("For Ada Lovelace.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_v1_token_of_a_listed_persons_tenant_is_accepted_too()
    {
        var token = TestOpenIdServer.Mint(_openId.EntraKey, $"https://sts.windows.net/{TestIds.Tenant}/", ApplicationIdUri, claims: new Dictionary<string, object>
        {
            ["oid"] = TestIds.AdaAad,
            ["tid"] = TestIds.Tenant,
            ["scp"] = "access_as_user",
        });

        var response = await GetAsync("/board/view", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_board_is_refused_and_shows_no_case()
    {
        var opened = await OpenAsync(DateTimeOffset.UtcNow.AddDays(-3));

        var response = await GetAsync("/board/view", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("You are not signed in", html, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.CaseCode, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("unpublished-key")]
    [InlineData("tenant-nobody-listed")]
    public async Task A_token_that_is_not_for_this_app_or_not_from_a_served_tenant_is_refused(string what)
    {
        var token = what switch
        {
            "wrong-audience" => Sso(TestIds.AdaAad, "Ada Lovelace", audience: "api://another.example.org/botid-" + AppId),
            "unpublished-key" => Sso(TestIds.AdaAad, "Ada Lovelace", key: _openId.UnpublishedKey),
            _ => Sso(TestIds.AdaAad, "Ada Lovelace", tenant: OtherTenant),
        };

        var response = await GetAsync("/board/view", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Someone_the_partnership_does_not_list_is_refused_and_the_refusal_is_audited()
    {
        var opened = await OpenAsync(DateTimeOffset.UtcNow.AddDays(-3));

        var response = await GetAsync("/board/view", Sso(Stranger, "Sam Stranger"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Only the partnership's panel members and business managers can see the case board.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.CaseCode, html, StringComparison.Ordinal);
        var audit = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Contains(audit, row => row.GetString("Action") == "board:view" && row.GetString("ActorAadObjectId") == Stranger);
    }

    [Fact]
    public async Task A_panel_member_sees_the_cases_put_to_the_panel_and_not_those_still_at_referral()
    {
        var service = _bot.Services.GetRequiredService<CaseService>();
        var referred = await OpenAsync(DateTimeOffset.UtcNow.AddDays(-2));
        var atPanel = await OpenAsync(DateTimeOffset.UtcNow.AddDays(-1));
        await service.ExecuteAsync(atPanel.CaseCode, (rules, state, now) => rules.PutToPanel(state, Manager, now), CancellationToken.None);

        var board = await (await GetAsync("/board/view", Sso(TestIds.BobAad, "Bob Builder"))).Content.ReadAsStringAsync();
        var hidden = await GetAsync("/board/view/case/" + referred.CaseCode, Sso(TestIds.BobAad, "Bob Builder"));

        Assert.Contains($"data-case=\"{atPanel.CaseCode}\"", board, StringComparison.Ordinal);
        Assert.DoesNotContain(referred.CaseCode, board, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task The_tab_page_itself_carries_no_case_and_loads_the_Teams_library_from_the_bot()
    {
        var opened = await OpenAsync(DateTimeOffset.UtcNow.AddDays(-3));

        var page = await GetAsync("/board", token: null);
        var library = await GetAsync("/board/assets/MicrosoftTeams.min.js", token: null);

        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script src=\"/board/assets/MicrosoftTeams.min.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.CaseCode, html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("getAuthToken", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
