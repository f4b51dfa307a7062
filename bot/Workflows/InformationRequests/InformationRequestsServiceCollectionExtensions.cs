using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;

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
        services.AddSingleton<RequestCaseIndex>();
        services.AddSingleton<IStreamFold<RequestBook>, RequestBookFold>();
        services.AddSingleton<AggregateStore<RequestBook>>();
        services.AddSingleton<ReplyIntake>();
        services.AddSingleton<ChronologyCollation>();
        services.AddSingleton<RequestProgress>();
        services.AddChatCommand<AgenciesCommand>();
        services.AddChatCommand<RequestsCommand>();
        return services;
    }
}
