using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Outlook;

/// <summary>
/// The task pane's API with a registered app: only the signed-in person's Entra token from the
/// bot's tenant, for this app, unexpired, signed with a published key and carrying a delegated
/// scope gets in; then the person's roles decide. Every refusal is audited.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OutlookTokenTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = "55555555-5555-5555-5555-555555555555";
    private const string Issuer = "https://login.microsoftonline.com/" + TestIds.Tenant + "/v2.0";
    private const string Path = "/api/outlook/mail?internetMessageId=%3Cabc%40school.example%3E";
    private TestOpenIdServer _openId = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _openId = await TestOpenIdServer.StartAsync();
        var settings = TestIds.People();
        _openId.RegisteredBot(AppId, settings);
        _bot = new BotApplicationFactory(azurite, settings);
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _openId.DisposeAsync();
    }

    private string Token(string objectId, string audience = "api://" + AppId, DateTime? expires = null, SecurityKey? key = null, string? scope = "access_as_user")
    {
        var claims = new Dictionary<string, object>
        {
            ["oid"] = objectId,
            ["tid"] = TestIds.Tenant,
            ["name"] = objectId == TestIds.AdaAad ? "Ada Lovelace" : "Bob Builder",
            ["azp"] = "ea5a67f6-b6f3-4338-b240-c655ddc3cc8e",
        };
        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        return TestOpenIdServer.Mint(key ?? _openId.EntraKey, Issuer, audience, expires, claims);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _client.SendAsync(request);
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, _bot.Logs.ToString());
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_business_managers_token_gets_past_the_check()
    {
        var (status, body) = await GetAsync(Token(TestIds.AdaAad));
        // No partnership mailbox is configured here: the answer says so, so the token was accepted.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("partnership mailbox is not connected", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_token_is_refused_and_audited()
    {
        var (status, body) = await GetAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("no bearer token", body, StringComparison.Ordinal);
        await AssertAuditedAsync("no bearer token");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var (status, body) = await GetAsync(Token(TestIds.AdaAad, expires: DateTime.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("token expired", body, StringComparison.Ordinal);
        await AssertAuditedAsync("token expired");
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var (status, body) = await GetAsync(Token(TestIds.AdaAad, key: _openId.UnpublishedKey));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("bad signature", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var (status, body) = await GetAsync(Token(TestIds.AdaAad, audience: "https://graph.microsoft.com"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("wrong audience", body, StringComparison.Ordinal);
        await AssertAuditedAsync("wrong audience");
    }

    [Fact]
    public async Task A_token_with_no_delegated_scope_is_refused()
    {
        var (status, _) = await GetAsync(Token(TestIds.AdaAad, scope: null));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_valid_token_for_someone_without_the_role_is_refused_and_audited()
    {
        var (status, body) = await GetAsync(Token(TestIds.BobAad));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Only a business manager", body, StringComparison.Ordinal);
        var audit = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Contains(audit, r => r.GetString("ActorAadObjectId") == TestIds.BobAad && r.GetString("Action") == "outlook:mail");
    }

    private async Task AssertAuditedAsync(string reason)
    {
        var audit = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Contains(audit, r => r.GetString("Kind") == "Refused" && r.GetString("Reason") == reason && r.GetString("Action")!.StartsWith("outlook:", StringComparison.Ordinal));
    }
}
