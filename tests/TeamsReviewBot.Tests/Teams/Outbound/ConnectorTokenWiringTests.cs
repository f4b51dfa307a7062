using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Abstractions;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Teams.Support;

namespace TeamsReviewBot.Tests.Teams.Outbound;

/// <summary>Which token source the bot uses for its own calls, by configuration.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConnectorTokenWiringTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_registered_bot_gets_app_tokens_from_Identity_Web_with_its_own_registration()
    {
        await using var bot = new BotHost(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "55555555-5555-5555-5555-555555555555",
            ["Bot:TenantId"] = TestIds.Tenant,
            ["Bot:ClientCredentials:0:SourceType"] = "ClientSecret",
            ["Bot:ClientCredentials:0:ClientSecret"] = "not-a-real-secret",
        });

        Assert.IsType<IdentityWebConnectorTokenSource>(bot.Services.GetRequiredService<IConnectorTokenSource>());
        var registration = bot.Services.GetRequiredService<IOptionsMonitor<MicrosoftIdentityApplicationOptions>>().Get(IdentityWebConnectorTokenSource.OptionsName);
        Assert.Equal("55555555-5555-5555-5555-555555555555", registration.ClientId);
        Assert.Equal(TestIds.Tenant, registration.TenantId);
        Assert.Equal("https://login.microsoftonline.com/", registration.Instance);
        var credential = Assert.Single(registration.ClientCredentials!);
        Assert.Equal(CredentialSource.ClientSecret, credential.SourceType);
    }

    [Fact]
    public async Task A_development_bot_sends_no_token()
    {
        await using var bot = new BotHost(azurite);

        Assert.IsType<NoConnectorToken>(bot.Services.GetRequiredService<IConnectorTokenSource>());
    }
}
