using TeamsReviewBot.Commands;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.Report;

public static class ReportServiceCollectionExtensions
{
    /// <summary>The draft Rapid Review report: built from the case, emailed from the partnership mailbox.</summary>
    public static IServiceCollection AddRapidReviewReport(this IServiceCollection services)
    {
        services.AddSingleton<ReportFactsReader>();
        services.AddSingleton<ReportDrafts>();
        services.AddSingleton<ReportVersionStore>();
        services.AddSingleton<ReportVersionMail>();
        services.AddSingleton<ReportVersionMigration>();
        services.AddHostedService<ReportVersionMigrationAtStart>();
        services.AddOptions<ChatFileOptions>().BindConfiguration(ChatFileOptions.SectionName);
        services.AddHttpClient(ChatFileDownloads.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<ChatFileDownloads>();
        services.AddSingleton<Teams.IChatFileHandler, ReportFileFromChat>();
        services.AddSingleton<HeldReportVersions>();
        services.AddSingleton<HeldReportVersionDecision>();
        services.AddCardAction<CardHandlers.HeldReportVersionCardHandler>();
        services.AddSingleton<Timers.ITimerHandler, HeldReportVersionExpiry>();
        services.AddChatCommand<ReportCommand>();
        services.AddSingleton<Timers.ITimerHandler, ReportDraftTimerHandler>();
        return services;
    }
}
