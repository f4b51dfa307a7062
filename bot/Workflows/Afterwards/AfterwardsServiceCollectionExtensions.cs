using TeamsReviewBot.Commands;
using TeamsReviewBot.Workflows.Afterwards.Commands;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Afterwards;

public static class AfterwardsServiceCollectionExtensions
{
    /// <summary>After the submission: outcome letters, lesson logs, "done", closing and retention.</summary>
    public static IServiceCollection AddAfterwards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AfterwardsOptions>()
            .Bind(configuration.GetSection(AfterwardsOptions.SectionName))
            .Validate(o => o.RetentionAfterClosure is null || o.RetentionAfterClosure > TimeSpan.Zero, "Afterwards:RetentionAfterClosure must be a positive period (e.g. 2555.00:00:00), or unset for no erasure.")
            .ValidateOnStart();
        services.AddSingleton<IAgenciesThatTookPart, RequestBookAgencies>();
        services.AddSingleton<AfterwardsMail>();
        services.AddSingleton<AfterwardsFollowUp>();
        services.AddSingleton<ITimerHandler, AfterwardsTimerHandler>();
        services.AddSingleton<ITimerHandler, RetentionTimerHandler>();
        services.AddSingleton<Intake.ICaseMailFollowUp, AfterwardsMailFollowUp>();
        services.AddChatCommand<DoneCommand>();
        return services;
    }
}
