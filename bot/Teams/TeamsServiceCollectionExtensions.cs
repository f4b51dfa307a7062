using Microsoft.Identity.Abstractions;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders.InMemory;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Teams.ComposeExtensions;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The Teams side of the bot: inbound authentication, activity routing, the connector
    /// client with its retries and pacing, conversation references, the outbound port the workflows
    /// post through, card action routing and identities.</summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var botSection = configuration.GetSection(BotAuthOptions.SectionName);
        services.Configure<BotAuthOptions>(botSection);
        var bot = botSection.Get<BotAuthOptions>() ?? new BotAuthOptions();
        services.AddBotAuthentication(bot);
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<InboundActivityCheck>();
        AddConnectorTokens(services, bot, botSection, configuration);

        services.Configure<ConnectorRetryOptions>(configuration.GetSection(ConnectorRetryOptions.SectionName));
        services.AddSingleton<ConversationPacer>();
        services.AddTransient<ConnectorRetryHandler>();
        services.AddTransient<ConversationPacingHandler>();
        // Retry outermost, pacing inside it: every attempt, retries included, waits its turn.
        services.AddHttpClient<ConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(100))
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConversationPacingHandler>();
        services.AddSingleton<OutboundWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboundWorker>());

        services.Configure<PartnershipOptions>(configuration.GetSection(PartnershipOptions.SectionName));
        services.AddSingleton<PartnershipDirectory>();

        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<IBusinessManagerAlerts, TeamsBusinessManagerAlerts>();
        services.AddSingleton<IPersonalChat, TeamsPersonalChat>();
        services.Configure<ProactiveInstallOptions>(configuration.GetSection(ProactiveInstallOptions.SectionName));
        services.AddSingleton(sp => new TeamsReviewBot.GraphIntegration.Teams.PersonalAppInstaller(sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>()));
        services.AddSingleton<PersonalChatOpener>();
        services.AddSingleton<ChannelPoster>();
        services.AddSingleton<ITeamsOutbound, TeamsOutbound>();

        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<IActivityHandler, MessageActivityHandler>();
        services.AddSingleton<IActivityHandler, InvokeActivityHandler>();
        services.AddSingleton<IInvokeHandler, CaseReferenceQueryHandler>();
        services.AddSingleton<IActivityHandler, InstallationUpdateHandler>();
        services.AddSingleton<IActivityHandler, ConversationUpdateHandler>();
        services.AddSingleton<CardActionRouter>();
        services.AddSingleton<RefusalAudit>();
        return services;
    }

    private static void AddConnectorTokens(IServiceCollection services, BotAuthOptions bot, IConfigurationSection botSection, IConfiguration configuration)
    {
        if (bot.IsDevelopmentMode)
        {
            services.AddSingleton<IConnectorTokenSource, NoConnectorToken>();
            return;
        }

        var credentials = SingleTenantCredentials(bot, botSection, configuration);

        services.AddTokenAcquisition(isTokenAcquisitionSingleton: true);
        services.AddInMemoryTokenCaches();
        services.Configure<MicrosoftIdentityApplicationOptions>(IdentityWebConnectorTokenSource.OptionsName, o =>
        {
            o.Instance = bot.EntraAuthority.ToString();
            o.TenantId = bot.TenantId;
            o.ClientId = bot.AppId;
            o.ClientCredentials = credentials;
        });
        var managedIdentity = bot.AppType == BotAppType.UserAssignedMSI ? bot.AppId : null;
        services.AddSingleton<IConnectorTokenSource>(sp => new IdentityWebConnectorTokenSource(sp.GetRequiredService<IAuthorizationHeaderProvider>(), managedIdentity));
    }

    /// <summary>
    /// How a single-tenant registration proves itself: Bot:ClientCredentials when given, otherwise
    /// the App Service's managed identity (AZURE_CLIENT_ID) as a federated credential of the app
    /// registration, which is how the deployment sets it up. A user-assigned MSI bot needs none.
    /// </summary>
    private static List<CredentialDescription> SingleTenantCredentials(BotAuthOptions bot, IConfigurationSection botSection, IConfiguration configuration)
    {
        var configured = botSection.GetSection("ClientCredentials").Get<List<CredentialDescription>>() ?? [];
        if (configured.Count > 0 || bot.AppType == BotAppType.UserAssignedMSI)
        {
            return configured;
        }

        if (configuration["AZURE_CLIENT_ID"] is { Length: > 0 } managedIdentityClientId)
        {
            return [new CredentialDescription { SourceType = CredentialSource.SignedAssertionFromManagedIdentity, ManagedIdentityClientId = managedIdentityClientId }];
        }

        throw new InvalidOperationException(
            "Bot:AppId is set for a single-tenant registration but the bot has no way to prove it is that app: set Bot:ClientCredentials (a client secret or certificate) or AZURE_CLIENT_ID (a managed identity with a federated credential on the app registration).");
    }
}
