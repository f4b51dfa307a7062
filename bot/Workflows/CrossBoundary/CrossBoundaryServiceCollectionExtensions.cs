using TeamsReviewBot.Commands;
using TeamsReviewBot.Workflows.CrossBoundary.Commands;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.CrossBoundary;

public static class CrossBoundaryServiceCollectionExtensions
{
    /// <summary>Cross-boundary referrals: the neighbouring partnerships' mailboxes, the follow-up
    /// that asks who leads and tells the other partnership, and "lead ‹code› ‹local authority›".</summary>
    public static IServiceCollection AddCrossBoundaryReferrals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrossBoundaryOptions>().Bind(configuration.GetSection(CrossBoundaryOptions.SectionName));
        services.AddSingleton<CrossBoundaryReferrals>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<CrossBoundaryReferrals>());
        services.AddChatCommand<LeadCommand>();
        return services;
    }
}
