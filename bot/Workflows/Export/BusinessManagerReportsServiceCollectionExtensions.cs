using TeamsReviewBot.Commands;
using TeamsReviewBot.Workflows.Stats;

namespace TeamsReviewBot.Workflows.Export;

public static class BusinessManagerReportsServiceCollectionExtensions
{
    /// <summary>The business manager's reports: a case's audit trail and the partnership's statistics, emailed from the partnership mailbox.</summary>
    public static IServiceCollection AddBusinessManagerReports(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrailFiles>();
        services.AddSingleton<AuditTrailMailer>();
        services.AddSingleton<Timers.ITimerHandler>(sp => sp.GetRequiredService<AuditTrailMailer>());
        services.AddChatCommand<ExportCommand>();
        services.AddSingleton<StatsReader>();
        services.AddChatCommand<StatsCommand>();
        return services;
    }
}
