using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsReviewBot.Commands;
using TeamsReviewBot.GraphIntegration.Client;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.GraphIntegration.Subscriptions;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Workflows.Intake.Commands;

namespace TeamsReviewBot.Workflows.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// The partnership mailbox: Graph client, subscription, webhook storage, worker, delta timer and
    /// the "mail" command. The background services do nothing unless Graph:Mailbox is set.
    /// </summary>
    public static IServiceCollection AddMailboxIntake(this IServiceCollection services, IConfiguration configuration)
    {
        var graphSection = configuration.GetSection(MailboxOptions.SectionName);
        services.AddOptions<MailboxOptions>()
            .Bind(graphSection)
            .Validate(o => !o.Enabled || (!string.IsNullOrWhiteSpace(o.NotificationUrl) && o.ClientStateSecret is { Length: >= 16 and <= 128 }),
                "Graph: with Graph:Mailbox set, also set Graph:NotificationUrl and Graph:ClientStateSecret (16 to 128 characters).")
            .Validate(o => !MailboxOptions.IsUnresolvedKeyVaultReference(o.ClientStateSecret),
                "Graph:ClientStateSecret is a Key Vault reference App Service did not resolve (@Microsoft.KeyVault(...)); give the app's identity access to the secret. The reference itself is never used as the secret.")
            .ValidateOnStart();
        services.AddSingleton<ClientStateMismatchLog>();
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(MailboxOptions.SectionName).Get<GraphConnection>() ?? new GraphConnection());
        services.AddSingleton(sp => GraphClientBuilder.Create(sp.GetRequiredService<GraphConnection>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PrefetchedMessages>();
        services.AddSingleton(sp => new MailboxReader(sp.GetRequiredService<GraphServiceClient>(), sp.GetRequiredService<PrefetchedMessages>()));
        services.AddSingleton(sp => new MailSender(sp.GetRequiredService<GraphServiceClient>()));
        services.AddSingleton(sp => new InboxDeltaReader(sp.GetRequiredService<GraphServiceClient>(), sp.GetRequiredService<PrefetchedMessages>()));
        services.AddSingleton<MailboxSyncStore>();
        services.AddSingleton<ISubscriptionStateStore>(sp => sp.GetRequiredService<MailboxSyncStore>());
        services.AddSingleton<SubscriptionManager>();
        // Leases coordinate processes in real time, whatever clock the cases run on.
        services.AddSingleton(sp => new StorageLease(sp.GetRequiredService<TeamsReviewBot.Storage.StorageTables>(), TimeProvider.System));
        services.AddSingleton<MailWorkInbox>();
        services.AddSingleton<IntakeLedger>();
        services.AddSingleton<MailForReviewStore>();
        services.AddSingleton<WorkArrived>();
        services.AddSingleton<DeltaSyncRequested>();
        services.AddSingleton<MailboxWatchFactory>();
        services.AddSingleton(sp => new IntakeOptionsSnapshot(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.NationalPanelSenders.ToList()));
        services.AddSingleton<MailClassifier>();
        services.TryAddSingleton<IInformationRequestReplies, NoInformationRequestsTracked>();
        services.AddSingleton<IntakePartnership>();
        services.AddSingleton<IPostConfigureOptions<MailboxOptions>, MailboxFromPlaybook>();
        services.TryAddSingleton<IReferralCaseOpener, ProcessReferralCaseOpener>();
        services.AddSingleton<MailIntakeProcessor>();
        services.AddSingleton<LifecycleHandler>();
        services.AddSingleton<DeltaSync>();
        services.AddSingleton<IntakeWorker>();
        services.AddSingleton<SubscriptionKeeper>();
        services.AddSingleton<DeltaSyncTimer>();

        // Without Graph:Mailbox nothing that talks to Graph is even built: one line in the log says why.
        services.AddSingleton<IHostedService>(sp => Enabled(sp) ? sp.GetRequiredService<IntakeWorker>() : sp.GetRequiredService<MailboxIntakeOff>());
        services.AddSingleton<IHostedService>(sp => Enabled(sp) ? sp.GetRequiredService<SubscriptionKeeper>() : NoHostedWork.Instance);
        services.AddSingleton<IHostedService>(sp => Enabled(sp) ? sp.GetRequiredService<DeltaSyncTimer>() : NoHostedWork.Instance);
        services.AddSingleton<MailboxIntakeOff>();

        services.AddChatCommand<MailCommand>();
        return services;
    }

    private static bool Enabled(IServiceProvider sp) => sp.GetRequiredService<IOptions<MailboxOptions>>().Value.Enabled;
}
