using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>
/// Carries out what a case owes after its meeting and submission, each step recorded on the case and
/// skipped once recorded, so running it again (a timer that fires twice, a restart between a send and
/// its record) sends nothing twice: the lesson-log requests after the meeting (Oldham), the start of
/// the afterwards steps with the outcome letters planned, each letter sent and recorded, and closing the
/// case when nothing remains open. The business managers hear of each once.
/// </summary>
public sealed partial class AfterwardsFollowUp(
    CaseService cases,
    IAgenciesThatTookPart agencies,
    AfterwardsMail mail,
    IBusinessManagerNotifier notifier,
    DurableTimerStore timers,
    IOptions<AfterwardsOptions> options,
    ILogger<AfterwardsFollowUp> logger)
{
    public async Task RunAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null || state.IsClosed)
        {
            return;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var rules = new AfterwardsRules(playbook, cases.Schedule);
        await RequestLessonLogsAsync(playbook, rules, state, cancellationToken).ConfigureAwait(false);
        state = await StartAsync(playbook, rules, caseCode, cancellationToken).ConfigureAwait(false);
        await SendLettersAsync(playbook, state, cancellationToken).ConfigureAwait(false);
        await CloseIfNothingOpenAsync(cases, rules, caseCode, notifier, timers, options.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the case when nothing remains open, tells the business managers, and sets the
    /// retention timer where a retention period is configured.</summary>
    public static async Task<bool> CloseIfNothingOpenAsync(CaseService cases, AfterwardsRules rules, string caseCode, IBusinessManagerNotifier notifier, DurableTimerStore timers, AfterwardsOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(options);
        var change = await cases.DecideAsync(caseCode, rules.CloseIfNothingOpen, cancellationToken).ConfigureAwait(false);
        var state = change.State;
        if (!state.IsClosed)
        {
            return false;
        }

        if (options.RetentionAfterClosure is { } keep && state.DetailsErasedAt is null)
        {
            await timers.ScheduleAsync(new DurableTimer(RetentionTimerHandler.TimerId(caseCode), RetentionTimerHandler.TimerKind, caseCode, state.ClosedAt!.Value + keep, "{}"), cancellationToken).ConfigureAwait(false);
        }

        var erasure = options.RetentionAfterClosure is { } period
            ? $" The child's details will be erased from its sealed records on {BritishDates.DateAndTime(state.ClosedAt!.Value + period)}, after the retention period."
            : string.Empty;
        await notifier.NotifyAsync(new BusinessManagerNotification($"{caseCode}:closed", caseCode, state.Partnership, "closed", $"case {caseCode} is closed: nothing remains open. Type \"cases closed\" to see closed cases.{erasure}"), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task RequestLessonLogsAsync(Playbook playbook, AfterwardsRules rules, CaseState state, CancellationToken cancellationToken)
    {
        if (!AfterwardsPoint.AsksForLessonLogs(playbook) || state.OutcomeKind != OutcomeKind.RapidReview || state.MeetingHeldAt is null
            || state.LessonLogsRequestedAt is not null || state.CompletedSteps.ContainsKey(AfterwardsItems.LessonLog))
        {
            return;
        }

        var template = AfterwardsLetter.Template(playbook.Key, AfterwardsLetter.LessonLog);
        var parts = await agencies.ForCaseAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        var noticeId = $"{state.CaseCode}:lesson-logs";
        if (template is null || parts.TookPart.Count == 0 || !mail.IsConnected)
        {
            var why = template is null ? "the bot has no lesson-log letter for this partnership"
                : parts.TookPart.Count == 0 ? "no agency returned information on the case, so none has a lesson log to return"
                : "the bot has no partnership mailbox to send from (Graph:Mailbox)";
            await notifier.NotifyAsync(new BusinessManagerNotification(noticeId, state.CaseCode, playbook.Key, "lesson-logs", $"the meeting on case {state.CaseCode} is held and the lesson logs are due, but I did not ask for them: {why}. Type \"done {state.CaseCode} lesson-log ‹note›\" when they are in."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var dueAt = cases.Schedule.Timetable(playbook, state).Get(AfterwardsItems.LessonLog).DueAt;
        foreach (var agency in parts.TookPart)
        {
            var (subject, body) = AfterwardsLetter.Build(template, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["caseCode"] = state.CaseCode,
                ["partnership"] = playbook.Name,
                ["addressee"] = agency.Name,
                ["date"] = BritishDates.Date(WorkingDayCalendar.LondonDate(state.MeetingHeldAt.Value)),
                ["meetingOn"] = BritishDates.Date(WorkingDayCalendar.LondonDate(state.MeetingHeldAt.Value)),
                ["dueOn"] = BritishDates.Date(WorkingDayCalendar.LondonDate(dueAt)),
                ["returnTo"] = playbook.Mailbox.Address,
                ["signature"] = $"{playbook.Name} business unit",
            });
            await mail.SendAsync(playbook.Mailbox.Address, agency.Addresses, subject, body, $"lesson-log:{state.CaseCode}:{agency.Key}", cancellationToken).ConfigureAwait(false);
        }

        await cases.DecideAsync(state.CaseCode, (current, now) => rules.RequestLessonLogs(current, parts.TookPart, now), cancellationToken).ConfigureAwait(false);
        LogLessonLogsRequested(logger, state.CaseCode, parts.TookPart.Count);
        await notifier.NotifyAsync(new BusinessManagerNotification(noticeId, state.CaseCode, playbook.Key, "lesson-logs", $"the lesson logs for case {state.CaseCode} were asked of {string.Join(", ", parts.TookPart.Select(a => a.Name))}, due {BritishDates.DateAndTime(dueAt)}. Each is recorded when it comes back with {state.CaseCode} in the subject; you are reminded before the due date."), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CaseState> StartAsync(Playbook playbook, AfterwardsRules rules, string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (AfterwardsItems.EndsWithoutReview(state) && state.AfterwardsAt is null)
        {
            return await StartWithoutReviewAsync(playbook, rules, caseCode, cancellationToken).ConfigureAwait(false);
        }

        if (state.SubmittedAt is null || state.AfterwardsAt is not null)
        {
            return state;
        }

        var (letters, withheld) = await PlanLettersAsync(playbook, state, cancellationToken).ConfigureAwait(false);
        var change = await cases.DecideAsync(caseCode, (current, now) => rules.Start(current, letters, withheld, now), cancellationToken).ConfigureAwait(false);
        state = change.State;
        var open = rules.OpenItems(state).Where(i => !AfterwardsItems.OutcomeLetterItems.Contains(i.Key)).ToList();
        var letterNote = letters.Count == 0 ? string.Empty : $" Outcome letters go to {string.Join(", ", letters.Select(l => l.Name))}.";
        var withheldNote = withheld.Count == 0 ? string.Empty : $" No letter for {string.Join("; ", withheld.Select(w => $"{w.Name} ({w.Why})"))}.";
        var openNote = open.Count == 0
            ? letters.Count > 0 ? " Nothing else is tracked, so the case closes once the letters are out."
                : withheld.Count > 0 ? " Nothing else is tracked and no outcome letter goes from here, so the case closes now."
                : $" Nothing else is tracked and the {playbook.Name} procedure asks for no outcome letters, so the case closes now."
            : $" Still open: {string.Join("; ", open.Select(i => $"{i.Key} ({i.Name}{(i.DueAt is { } due ? ", due " + BritishDates.DateAndTime(due) : string.Empty)})"))}. Type \"done {caseCode} ‹item› [note]\" as each is done; you are reminded before each is due.";
        await notifier.NotifyAsync(new BusinessManagerNotification($"{caseCode}:afterwards-started", caseCode, playbook.Key, "afterwards", $"the report on case {caseCode} is with the National Panel and its afterwards steps have started.{letterNote}{withheldNote}{openNote}"), cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>A decision that ends the case without a Rapid Review: what it still owes (the referrer
    /// told, its learning route's steps) is tracked, and the business managers hear it once.</summary>
    private async Task<CaseState> StartWithoutReviewAsync(Playbook playbook, AfterwardsRules rules, string caseCode, CancellationToken cancellationToken)
    {
        var state = (await cases.DecideAsync(caseCode, rules.StartWithoutReview, cancellationToken).ConfigureAwait(false)).State;
        var open = rules.OpenItems(state);
        var how = open.Count == 0
            ? " Nothing is left to track, so the case closes now."
            : $" Still open before it closes: {string.Join("; ", open.Select(i => $"{i.Key} ({i.Name}{(i.DueAt is { } due ? ", due " + BritishDates.DateAndTime(due) : string.Empty)})"))}. "
                + (open.Any(i => i.Key == AfterwardsItems.DecisionToReferrer) ? "The referrer's item is done by itself when my letter with the decision goes out; if I could not send it, tell them yourself. " : string.Empty)
                + $"Type \"done {caseCode} ‹item› [note]\" as each is done; you are reminded before each step with a due date.";
        await notifier.NotifyAsync(new BusinessManagerNotification($"{caseCode}:afterwards-started", caseCode, playbook.Key, "afterwards", $"case {caseCode} needs no Rapid Review (\"{state.Decision!.OutcomeLabel}\").{how}"), cancellationToken).ConfigureAwait(false);
        return state;
    }

    private async Task<(List<LetterRecipient> Letters, List<LetterWithheld> Withheld)> PlanLettersAsync(Playbook playbook, CaseState state, CancellationToken cancellationToken)
    {
        var letters = new List<LetterRecipient>();
        var withheld = new List<LetterWithheld>();
        var template = AfterwardsLetter.Template(playbook.Key, AfterwardsLetter.Outcome);
        if (template is null)
        {
            return (letters, withheld);
        }

        var why = mail.IsConnected ? null : "the bot has no partnership mailbox to send from; please send it yourself";
        if (state.Referral?.Summary.ReferrerEmail is { Length: > 0 } referrer)
        {
            var name = state.Referral.Summary.ReferringOrganisation is { Length: > 0 } organisation && organisation != "not given" ? $"the referrer ({organisation})" : "the referrer";
            Add(new LetterRecipient("referrer", name, [referrer]));
        }
        else
        {
            withheld.Add(new LetterWithheld("the referrer", "no referrer's email address is on record; please tell them yourself"));
        }

        if (RecipientsOf(template).Contains("agencies"))
        {
            var parts = await agencies.ForCaseAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
            parts.TookPart.ToList().ForEach(Add);
            withheld.AddRange(parts.Left);
        }

        return (letters, withheld);

        void Add(LetterRecipient recipient)
        {
            if (why is null)
            {
                letters.Add(recipient);
            }
            else
            {
                withheld.Add(new LetterWithheld(recipient.Name, why));
            }
        }
    }

    private async Task SendLettersAsync(Playbook playbook, CaseState state, CancellationToken cancellationToken)
    {
        var outstanding = state.LettersOutstanding.ToList();
        if (outstanding.Count == 0)
        {
            return;
        }

        var template = AfterwardsLetter.Template(playbook.Key, AfterwardsLetter.Outcome)
            ?? throw new InvalidOperationException($"The outcome letter of {playbook.Key} was planned but its template is gone.");
        foreach (var recipient in outstanding)
        {
            var (subject, body) = AfterwardsLetter.Build(template, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["caseCode"] = state.CaseCode,
                ["partnership"] = playbook.Name,
                ["addressee"] = recipient.Key == "referrer" ? "colleague" : $"Safeguarding Lead, {recipient.Name}",
                ["role"] = recipient.Key == "referrer"
                    ? "You made the referral that led to this Rapid Review, and we said we would tell you its outcome."
                    : "Thank you for your agency's contribution to this Rapid Review.",
                ["date"] = BritishDates.Date(WorkingDayCalendar.LondonDate(state.AfterwardsAt ?? state.SubmittedAt!.Value)),
                ["submittedOn"] = BritishDates.Date(WorkingDayCalendar.LondonDate(state.SubmittedAt!.Value)),
                ["outcome"] = OutcomeWording.Of(state),
                ["mailbox"] = playbook.Mailbox.Address,
                ["signature"] = $"{playbook.Name} business unit",
            });
            var id = await mail.SendAsync(playbook.Mailbox.Address, recipient.Addresses, subject, body, $"outcome-letter:{state.CaseCode}:{recipient.Key}", cancellationToken).ConfigureAwait(false);
            var from = mail.From(playbook.Mailbox.Address);
            await cases.DecideAsync(state.CaseCode, (current, now) => AfterwardsRules.LetterSent(current, recipient, id, from, now), cancellationToken).ConfigureAwait(false);
            LogLetterSent(logger, state.CaseCode);
        }
    }

    /// <summary>Who a template is for: its "# Recipients:" line (referrer, agencies); the referrer alone when it has none.</summary>
    private static IReadOnlyList<string> RecipientsOf(string template) =>
        template.Split('\n').FirstOrDefault(l => l.StartsWith("# Recipients:", StringComparison.Ordinal)) is { } line
            ? [.. line["# Recipients:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : ["referrer"];

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome letter sent on case {CaseCode}.")]
    private static partial void LogLetterSent(ILogger logger, string caseCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lesson logs asked of {Count} agencies on case {CaseCode}.")]
    private static partial void LogLessonLogsRequested(ILogger logger, string caseCode, int count);
}
