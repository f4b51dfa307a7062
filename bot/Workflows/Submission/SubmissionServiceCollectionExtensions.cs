using TeamsReviewBot.Commands;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Submission.CardHandlers;
using TeamsReviewBot.Workflows.Submission.Commands;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Submission;

public static class SubmissionServiceCollectionExtensions
{
    /// <summary>The signed-off report's submission to the National Panel: the card, the command, the email and its record.</summary>
    public static IServiceCollection AddNationalPanelSubmission(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SubmissionOptions>(configuration.GetSection(SubmissionOptions.SectionName));
        services.AddSingleton<SubmissionViews>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<SubmissionService>());
        services.AddSingleton<SubmissionCardOutbox>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<SubmissionCardOutbox>());
        services.AddSingleton<ITimerHandler, PanelDateNotice>();
        services.AddChatCommand<SubmitCommand>();
        services.AddCardAction<SubmitCardHandler>();
        services.AddSingleton<Intake.ICaseMailFollowUp, NationalPanelReplyFollowUp>();
        return services;
    }
}
