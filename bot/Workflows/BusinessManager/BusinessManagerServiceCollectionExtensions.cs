using TeamsReviewBot.Commands;
using TeamsReviewBot.Storage.Digest;
using TeamsReviewBot.Workflows.BusinessManager.Commands;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.BusinessManager;

public static class BusinessManagerServiceCollectionExtensions
{
    /// <summary>The business manager's day: the working-morning digest (a timer each working day, and
    /// "digest" on demand), "case ‹code›" and "assign".</summary>
    public static IServiceCollection AddBusinessManagersDay(this IServiceCollection services)
    {
        services.AddSingleton<DigestTime>();
        services.AddSingleton<SeatHolders>();
        services.AddSingleton<MorningDigestBuilder>();
        services.AddSingleton<MorningDigestLedger>();
        services.AddSingleton<MorningDigestSender>();
        services.AddSingleton<MorningDigestSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<MorningDigestSchedule>());
        services.AddSingleton<ITimerHandler, MorningDigestTimerHandler>();
        services.AddChatCommand<DigestCommand>();
        services.AddSingleton<CaseAtAGlance>();
        services.AddSingleton<CaseAudience>();
        services.AddChatCommand<CaseCommand>();
        services.AddSingleton<AssignmentNotice>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<AssignmentNotice>());
        services.AddChatCommand<AssignCommand>();
        return services;
    }
}
