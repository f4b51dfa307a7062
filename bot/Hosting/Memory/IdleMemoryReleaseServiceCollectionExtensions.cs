using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TeamsReviewBot.Hosting.Memory;

public static class IdleMemoryReleaseServiceCollectionExtensions
{
    /// <summary>The instance hands back memory after a busy spell, once quiet.</summary>
    public static IServiceCollection AddIdleMemoryRelease(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdleMemoryReleaseOptions>()
            .Bind(configuration.GetSection(IdleMemoryReleaseOptions.SectionName))
            .Validate(o => o.CheckEvery > TimeSpan.Zero, "IdleMemoryRelease:CheckEvery must be longer than zero.")
            .Validate(o => o.QuietUnderBytes >= 0 && o.AfterAllocatingBytes >= 0, "IdleMemoryRelease:QuietUnderBytes and AfterAllocatingBytes cannot be negative.")
            .ValidateOnStart();
        services.TryAddSingleton<RequestsBeingAnswered>();
        services.AddHostedService<IdleMemoryRelease>();
        return services;
    }
}
