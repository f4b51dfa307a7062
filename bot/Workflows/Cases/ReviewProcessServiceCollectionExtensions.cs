using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases.Commands;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Cases;

public static class ReviewProcessServiceCollectionExtensions
{
    /// <summary>The review process: playbooks (checked at start-up), the working-day clock, cases with
    /// their reminders and escalations, and the "timetable" chat command.</summary>
    public static IServiceCollection AddReviewProcess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewProcessOptions>()
            .Bind(configuration.GetSection(ReviewProcessOptions.SectionName))
            .Validate(o => o.ReminderWorkingDaysBefore is >= 0 and <= 10, "ReviewProcess:ReminderWorkingDaysBefore must be between 0 and 10.")
            .ValidateOnStart();
        services.AddSingleton(sp => PlaybookDirectory.Load(sp.GetRequiredService<IOptions<ReviewProcessOptions>>().Value.ResolvedPlaybooksPath));
        services.AddHostedService<PlaybookStartupCheck>();
        services.AddSingleton(WorkingDayCalendar.Default);
        services.AddSingleton<TimetableCalculator>();
        services.AddSingleton<CaseSchedule>();
        services.AddSingleton<CaseReferenceSearch>();
        services.AddSingleton(sp => new ReminderPlanner(
            sp.GetRequiredService<WorkingDayCalendar>(),
            new ReminderOptions(sp.GetRequiredService<IOptions<ReviewProcessOptions>>().Value.ReminderWorkingDaysBefore)));
        services.AddSingleton<IStreamFold<CaseState>, CaseFold>();
        services.AddSingleton<AggregateStore<CaseState>>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<ReconciledTimers>();
        services.Configure<CaseFollowUpOptions>(configuration.GetSection(CaseFollowUpOptions.SectionName));
        services.AddSingleton<PendingCaseFollowUps>();
        services.TryAddSingleton<Hosting.RequestsBeingAnswered>();
        services.AddSingleton<CaseFollowUpWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseFollowUpWorker>());
        services.AddSingleton<CaseFollowUpSoon>();
        services.AddSingleton<UnconfirmedClicks>();
        services.AddSingleton<ReferralVault>();
        services.AddSingleton<IBusinessManagerNotifier, TeamsBusinessManagerNotifier>();
        services.AddSingleton<StepOwnerReminders>();
        services.AddSingleton<ITimerHandler, CaseDeadlineTimerHandler>();
        services.AddChatCommand<TimetableCommand>();
        services.AddChatCommand<OpenCasesCommand>();
        services.AddChatCommand<MoveDeadlineCommand>();
        return services;
    }
}
