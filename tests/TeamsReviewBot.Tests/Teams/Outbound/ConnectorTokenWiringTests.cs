using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Abstractions;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Teams.Outbound;

/// <summary>Which token source the bot uses for its own calls, by configuration.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConnectorTokenWiringTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_registered_bot_gets_app_tokens_from_Identity_Web_with_its_own_registration()
    {
        await using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "55555555-5555-5555-5555-555555555555",
            ["Bot:DevelopmentMode"] = "false",
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
    public async Task Without_configured_credentials_a_single_tenant_bot_uses_its_managed_identity_as_a_federated_credential()
    {
        await using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "55555555-5555-5555-5555-555555555555",
            ["Bot:DevelopmentMode"] = "false",
            ["Bot:TenantId"] = TestIds.Tenant,
            ["AZURE_CLIENT_ID"] = "77777777-7777-7777-7777-777777777777",
        });

        var registration = bot.Services.GetRequiredService<IOptionsMonitor<MicrosoftIdentityApplicationOptions>>().Get(IdentityWebConnectorTokenSource.OptionsName);
        var credential = Assert.Single(registration.ClientCredentials!);
        Assert.Equal(CredentialSource.SignedAssertionFromManagedIdentity, credential.SourceType);
        Assert.Equal("77777777-7777-7777-7777-777777777777", credential.ManagedIdentityClientId);
    }

    [Fact]
    public void A_single_tenant_bot_with_no_credential_at_all_stops_start_up_with_a_sentence()
    {
        using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "55555555-5555-5555-5555-555555555555",
            ["Bot:DevelopmentMode"] = "false",
            ["Bot:TenantId"] = TestIds.Tenant,
            ["AZURE_CLIENT_ID"] = string.Empty,
        });

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.StartsWith("Bot:AppId is set for a single-tenant registration but the bot has no way to prove it is that app", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_development_bot_sends_no_token()
    {
        await using var bot = new BotApplicationFactory(azurite);

        Assert.IsType<NoConnectorToken>(bot.Services.GetRequiredService<IConnectorTokenSource>());
    }
}
