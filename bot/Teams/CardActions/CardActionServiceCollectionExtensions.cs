namespace TeamsReviewBot.Teams.CardActions;

public static class CardActionServiceCollectionExtensions
{
    /// <summary>Registers the handler for one card verb.</summary>
    public static IServiceCollection AddCardAction<THandler>(this IServiceCollection services)
        where THandler : class, ICardActionHandler
    {
        services.AddSingleton<ICardActionHandler, THandler>();
        return services;
    }
}
