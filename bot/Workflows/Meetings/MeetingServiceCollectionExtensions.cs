using Microsoft.Graph;
using TeamsReviewBot.Commands;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.Timers;
using TeamsReviewBot.Workflows.Meetings.CardHandlers;
using TeamsReviewBot.Workflows.Meetings.Commands;

namespace TeamsReviewBot.Workflows.Meetings;

public static class MeetingServiceCollectionExtensions
{
    /// <summary>The Rapid Review meeting: free/busy, slots, booking through Graph, the attendees' answers
    /// followed through the organiser's events subscription, the "meeting" command.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeetingOptions>(configuration.GetSection(MeetingOptions.SectionName));
        services.AddSingleton(sp => new FreeBusyReader(sp.GetRequiredService<GraphServiceClient>()));
        services.AddSingleton(sp => new OnlineMeetings(sp.GetRequiredService<GraphServiceClient>()));
        services.AddSingleton<MeetingInvitees>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<MeetingProposals>();
        services.AddSingleton<MeetingFollowUps>();
        services.AddSingleton<IReturnFollower>(sp => sp.GetRequiredService<MeetingFollowUps>());
        services.AddSingleton<IRequestsSentFollower, MeetingWithRequests>();
        services.AddSingleton<MeetingQuorumCheck>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<MeetingQuorumCheck>());
        services.AddSingleton<MeetingCalendarWatch>();
        services.AddSingleton<MeetingAnswersCatchUp>();
        services.AddSingleton<ITimerHandler, MeetingEventChangedHandler>();
        services.AddSingleton<ITimerHandler, MeetingCalendarLifecycleHandler>();
        services.AddHostedService<MeetingCalendarKeeper>();
        services.AddSingleton<MeetingPapersSender>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<MeetingPapersSender>());
        services.AddSingleton<SignOffSlotKeeper>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<SignOffSlotKeeper>());
        services.AddCardAction<BookMeetingCardHandler>();
        services.AddCardAction<RecordOutcomeCardHandler>();
        services.AddCardAction<InviteDeputyCardHandler>();
        services.AddCardAction<MoveToProposedTimeCardHandler>();
        services.AddChatCommand<MeetingCommand>();
        return services;
    }
}
