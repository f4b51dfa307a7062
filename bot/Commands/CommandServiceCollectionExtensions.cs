namespace TeamsReviewBot.Commands;

public static class CommandServiceCollectionExtensions
{
    public static IServiceCollection AddChatCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, IChatCommand
    {
        services.AddSingleton<IChatCommand, TCommand>();
        return services;
    }
}
