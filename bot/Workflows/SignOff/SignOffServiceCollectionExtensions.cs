using TeamsReviewBot.Commands;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.SignOff.CardHandlers;

namespace TeamsReviewBot.Workflows.SignOff;

public static class SignOffServiceCollectionExtensions
{
    /// <summary>The statutory partners' sign-off of the report in their personal chats.</summary>
    public static IServiceCollection AddReportSignOff(this IServiceCollection services)
    {
        services.AddSingleton<SignOffSeats>();
        services.AddSingleton<SignOffViews>();
        services.AddSingleton<SignOffRecorder>();
        services.AddSingleton<SignOffNoticeSender>();
        services.AddSingleton<Cases.ICaseFollowUpStep, SignOffNoticeStep>();
        services.AddChatCommand<SignOffCommand>();
        services.AddChatCommand<ComplianceCheckCommand>();
        services.AddChatCommand<ReportCommentsCommand>();
        services.AddCardAction<SignOffCardHandler>();
        services.AddSingleton<Timers.ITimerHandler, SignOffPromptTimerHandler>();
        services.AddSingleton<ReportThreadViews>();
        services.AddSingleton<ReportThreadCardUpdate>();
        services.AddSingleton<Timers.ITimerHandler, ReportVersionAnnouncer>();
        services.AddCardAction<ReportCommentCardHandler>();
        services.AddSingleton<Teams.IChannelThreadReplyHandler, ReportThreadReplies>();
        return services;
    }
}
