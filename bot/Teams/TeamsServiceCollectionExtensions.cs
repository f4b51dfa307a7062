namespace TeamsReviewBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddSingleton<IConnectorTokenSource, NoConnectorToken>();
        services.AddHttpClient<ConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<IActivityHandler, MessageActivityHandler>();
        return services;
    }
}
