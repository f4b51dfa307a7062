using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TeamsReviewBot.Hosting.Memory;

public static class IdleMemoryReleaseServiceCollectionExtensions
{
    /// <summary>The instance hands back memory after a busy spell, once quiet.</summary>
    public static IServiceCollection AddIdleMemoryRelease(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdleMemoryReleaseOptions>(configuration.GetSection(IdleMemoryReleaseOptions.SectionName));
        services.TryAddSingleton<RequestsBeingAnswered>();
        services.AddHostedService<IdleMemoryRelease>();
        return services;
    }
}
