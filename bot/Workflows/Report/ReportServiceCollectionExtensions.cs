using TeamsReviewBot.Commands;

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
        services.AddChatCommand<ReportCommand>();
        services.AddSingleton<Timers.ITimerHandler, ReportDraftTimerHandler>();
        return services;
    }
}
