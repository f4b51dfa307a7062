using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;
using TeamsReviewBot.Workflows.ThresholdDecision.Commands;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

public static class ThresholdDecisionServiceCollectionExtensions
{
    /// <summary>The threshold decision in Teams: panel threads, vote cards, the decision and what follows.
    /// Needs AddReviewProcess (playbooks, working-day clock, case schedule) and AddTeamsChannel.</summary>
    public static IServiceCollection AddThresholdDecision(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ThresholdDecisionOptions>(configuration.GetSection(ThresholdDecisionOptions.SectionName));

        // A deployment runs for one partnership: its playbook is the refer form's default too.
        services.PostConfigure<ThresholdDecisionOptions>(o => o.DefaultPartnership ??= configuration["Partnership:Playbook"]);

        // The process core (playbooks, clock, schedule) comes from AddReviewProcess.
        services.AddSingleton<SeatResolver>();
        services.AddSingleton<PanelViews>();
        services.AddSingleton<PanelThread>();
        services.AddSingleton<DecisionFollowUp>();
        services.AddSingleton<PanelChanges>();
        services.AddSingleton<CardRefusals>();
        services.AddSingleton<PanelCardViews>();
        services.AddSingleton<ThreadFromFollowUp>();
        services.AddSingleton<OpenCase>();
        services.AddSingleton<PostToPanel>();
        services.AddSingleton<CastVote>();
        services.AddSingleton<DecideAlone>();
        services.AddSingleton<RecordNotification>();
        services.AddSingleton<RecordConsultation>();
        services.AddSingleton<RecordAwareness>();
        services.AddSingleton<DecisionWindow>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<DecisionWindow>());
        services.AddSingleton<PendingFollowUps>();
        services.AddSingleton<DecisionFollowUpOutbox>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<DecisionFollowUpOutbox>());
        services.AddSingleton<ICaseFollowUpStep, DecisionFollowUpStep>();
        services.AddSingleton<PanelCardEdits>();
        services.AddSingleton<ManagerNoticeBatches>();
        services.AddSingleton<ICaseShownInTeams, PanelCardShown>();
        // After what follows a decision, so a thread Teams refuses holds up no letter or notice.
        services.AddSingleton<ICaseFollowUpStep, PanelThreadStep>();

        // Referrals that arrive by email go to the panel once intake has opened them (registered
        // before intake's own opener, which is added only if none is).
        services.TryAddSingleton<ProcessReferralCaseOpener>();
        services.TryAddSingleton<IReferralCaseOpener, PanelReferralCaseOpener>();

        // The referrer is emailed from the partnership mailbox when the bot is connected to one;
        // otherwise the business managers are told to send the decision themselves.
        services.AddSingleton<IPartnershipMail, GraphPartnershipMail>();

        services.AddCardAction<VoteCardHandler>();
        services.AddCardAction<RefreshPanelCardHandler>();
        services.AddCardAction<ViewReferralCardHandler>();
        services.AddCardAction<NotifiedCardHandler>();
        services.AddCardAction<DecideAloneCardHandler>();
        services.AddCardAction<ReferCardHandler>();
        services.AddChatCommand<ReferCommand>();
        services.AddChatCommand<NotifiedCommand>();
        services.AddChatCommand<PutToPanelCommand>();
        services.AddChatCommand<RecordCommand>();
        return services;
    }
}
