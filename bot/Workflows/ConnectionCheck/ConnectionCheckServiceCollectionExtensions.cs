using TeamsReviewBot.Commands;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.ConnectionCheck;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.ConnectionCheck.CardHandlers;
using TeamsReviewBot.Workflows.ConnectionCheck.Commands;

namespace TeamsReviewBot.Workflows.ConnectionCheck;

public static class ConnectionCheckServiceCollectionExtensions
{
    /// <summary>The connection check: "check-channels" posts a card in every channel, business managers acknowledge it.</summary>
    public static IServiceCollection AddConnectionCheck(this IServiceCollection services)
    {
        services.AddSingleton<ConnectionCheckStore>();
        services.AddSingleton<ConnectionCheckViews>();
        services.AddCardAction<AcknowledgeConnectionCheckCardHandler>();
        services.AddCardAction<RefreshConnectionCheckCardHandler>();
        services.AddChatCommand<CheckChannelsCommand>();
        return services;
    }
}
