using TeamsReviewBot.Commands;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Process.Board;

namespace TeamsReviewBot.Board;

public static class BoardServiceCollectionExtensions
{
    /// <summary>The case board: the tab's pages, the user-token check they sign in with, and the "board" command.</summary>
    public static IServiceCollection AddCaseBoard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUserTokens(configuration);
        services.AddSingleton<BoardBuilder>();
        services.AddSingleton<BoardReader>();
        services.AddSingleton<BoardAccess>();
        services.AddChatCommand<BoardCommand>();
        return services;
    }
}
