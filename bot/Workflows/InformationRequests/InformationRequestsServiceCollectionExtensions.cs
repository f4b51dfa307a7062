using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.InformationRequests.CardHandlers;
using TeamsReviewBot.Workflows.InformationRequests.Commands;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.InformationRequests;

public static class InformationRequestsServiceCollectionExtensions
{
    /// <summary>Information requests to agencies: the agency directory (seeded from Partnership:Agencies),
    /// request streams, reply intake, returned files, collation, and the "agencies" and "requests" commands.</summary>
    public static IServiceCollection AddInformationRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AgencyDirectoryOptions.Read(configuration));
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<ReturnFileStore>();
        services.AddSingleton<ReturnFileMigration>();
        services.AddHostedService<ReturnFileMigrationAtStart>();
        services.AddSingleton<RequestCaseIndex>();
        services.AddSingleton<ReplyIntake>();
        services.AddSingleton<ChronologyCollation>();
        services.Configure<RequestMailOptions>(configuration.GetSection(RequestMailOptions.SectionName));
        services.AddSingleton<InformationRequestService>();
        services.AddSingleton<RequestProgress>();
        services.AddSingleton<ReturnCardInThread>();
        services.AddSingleton<OldRequestStreams>();
        services.AddSingleton<RequestStreamMigration>();
        services.AddSingleton<RequestStreamGate>();
        services.AddHostedService<RequestStreamMigrationAtStart>();

        // Mail intake asks this whether a message answers a request (it replaces intake's default).
        services.AddSingleton<IInformationRequestReplies, InformationRequestReplies>();
        services.AddSingleton<ITimerHandler, SendRequestsTimerHandler>();
        services.AddSingleton<ITimerHandler, ChaseRequestsTimerHandler>();
        services.AddSingleton<ITimerHandler, OverdueRequestsTimerHandler>();
        services.AddSingleton<ITimerHandler, CollateRequestsTimerHandler>();
        services.AddCardAction<SendRequestsCardHandler>();
        services.AddChatCommand<AgenciesCommand>();
        services.AddChatCommand<RequestsCommand>();
        return services;
    }
}
