using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// Fires the sign-off deadline's prompts. A reminder re-sends the sign-off card, with a line saying
/// when it is due, to each person who can answer for a seat still waited for; the escalation tells
/// the chair and the business managers what is missing once the deadline passes without the rule
/// met. Each is recorded on the case first (once per timer), and each message is keyed on the timer
/// and the person, so a timer that fires twice or a retry after a crash sends nothing twice.
/// Messages carry the case code, seats and names only.
/// </summary>
public sealed partial class SignOffPromptTimerHandler(
    CaseService cases,
    SignOffSeats seats,
    SignOffViews views,
    PartnershipDirectory directory,
    IPersonalChat chats,
    IBusinessManagerNotifier notifier,
    IdempotencyStore once,
    ILogger<SignOffPromptTimerHandler> logger) : ITimerHandler
{
    private const string SentScope = "sign-off-prompt";

    public string Kind => SignOffPrompts.TimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var prompt = SignOffPrompts.Read(timer.Payload);
        var playbook = cases.Playbooks.ForCaseCode(prompt.CaseCode);
        if (playbook is null || await cases.FindAsync(prompt.CaseCode, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        var change = await cases.DecideAsync(
            prompt.CaseCode,
            (state, now) => prompt.Kind == SignOffPrompts.Escalation
                ? SignOffPrompts.Escalate(playbook, state, prompt, cases.SignOffDeadline(playbook, state), now)
                : SignOffPrompts.Remind(playbook, state, prompt, cases.SignOffDeadline(playbook, state), now),
            cancellationToken).ConfigureAwait(false);

        // Recorded now or by an earlier firing that may not have finished sending: send what is owed.
        var history = await cases.HistoryAsync(prompt.CaseCode, cancellationToken).ConfigureAwait(false);
        if (prompt.Kind == SignOffPrompts.Escalation)
        {
            var escalated = history.Where(e => e.Type == CaseEventTypes.SignOffEscalated).Select(e => CaseJson.Read<SignOffEscalated>(e.Data)).FirstOrDefault(e => e.TimerId == prompt.Id);
            if (escalated is not null)
            {
                await EscalateAsync(playbook, change.State, prompt, escalated, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var reminded = history.Where(e => e.Type == CaseEventTypes.SignOffReminderSent).Select(e => CaseJson.Read<SignOffReminderSent>(e.Data)).FirstOrDefault(e => e.TimerId == prompt.Id);
            if (reminded is not null && change.State.SignedOffAt is null && change.State.CurrentReportVersion?.Number == reminded.Version)
            {
                await RemindAsync(playbook, change.State, prompt, reminded, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RemindAsync(Playbook playbook, CaseState state, SignOffPrompt prompt, SignOffReminderSent reminded, CancellationToken cancellationToken)
    {
        var notice = $"Reminder: your answer on version {reminded.Version} of the report for {state.CaseCode} is due by {BritishDates.DateAndTime(prompt.DeadlineAt)}.";
        var reached = 0;
        foreach (var (seat, person, byDeputy) in seats.People(playbook).Where(p => reminded.Seats.Contains(p.Seat.Key)))
        {
            // An answer given since the reminder was recorded needs no chasing.
            if (state.SeatSignOffs.ContainsKey(seat.Key) || await once.WasClaimedAsync(SentScope, prompt.Id + ":" + person.AadObjectId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var failure = await chats.SendCardAsync(person.AadObjectId!, SignOffCard.Personal(views.Card(state, seat, byDeputy), notice), cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                reached++;
                await once.TryClaimAsync(SentScope, prompt.Id + ":" + person.AadObjectId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogUnreachable(state.CaseCode, seat.Key);
            }
        }

        // The business manager's compliance check is asked of the business managers, keyed on the timer.
        if (playbook.SignOff.ComplianceCheck is { } check && reminded.Seats.Contains(check.Seat) && state.ComplianceCheck is null)
        {
            var message = $"Case {state.CaseCode}: the {check.Name} on version {reminded.Version} of the report is due by {BritishDates.DateAndTime(prompt.DeadlineAt)}; the report is not signed off until it is done. When version {reminded.Version} {check.Confirms}, type \"{ComplianceCheckCommand.CommandName} {state.CaseCode}\".";
            await notifier.NotifyAsync(new BusinessManagerNotification(prompt.Id + ":" + check.Seat, state.CaseCode, playbook.Key, "compliance-check-reminder", message), cancellationToken).ConfigureAwait(false);
        }

        LogReminded(state.CaseCode, reminded.Seats.Count, reached);
    }

    private async Task EscalateAsync(Playbook playbook, CaseState state, SignOffPrompt prompt, SignOffEscalated escalated, CancellationToken cancellationToken)
    {
        var missing = escalated.MissingSeats.Count > 0 ? $" Still to answer: {string.Join(", ", escalated.MissingSeats)}." : string.Empty;
        var message = $"the sign-off of the report (version {state.CurrentReportVersion?.Number}) was due by {BritishDates.DateAndTime(prompt.DeadlineAt)} and the playbook's rule is not met. {escalated.Explanation}{missing}";
        var card = AdaptiveCard.Create(
        [
            AdaptiveCard.Heading($"Sign-off overdue: {state.CaseCode}"),
            AdaptiveCard.Text($"{state.CaseCode}: {message}"),
            AdaptiveCard.Text("Sign-off so far", size: "Medium"),
            AdaptiveCard.Facts(views.Tally(playbook, state).Select(l => (l.SeatTitle, l.Answer ?? "waiting"))),
        ]);

        // The chair first, so the business managers hear whom the bot could not reach.
        var unreached = new List<string>();
        foreach (var chair in directory.WithRole(PartnershipRole.Chair).Where(p => !string.IsNullOrWhiteSpace(p.AadObjectId)))
        {
            var key = prompt.Id + ":" + chair.AadObjectId;
            if (await once.WasClaimedAsync(SentScope, key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (await chats.SendCardAsync(chair.AadObjectId!, card, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                unreached.Add($"{chair.Name ?? "the chair"}: {failure}");
                LogChairUnreachable(state.CaseCode);
            }
            else
            {
                await once.TryClaimAsync(SentScope, key, cancellationToken).ConfigureAwait(false);
            }
        }

        var notReached = unreached.Count > 0 ? $" I could not tell the chair in Teams ({string.Join("; ", unreached)}); please pass this on." : string.Empty;
        await notifier.NotifyAsync(new BusinessManagerNotification(prompt.Id, state.CaseCode, playbook.Key, "sign-off-escalated", message + notReached), cancellationToken).ConfigureAwait(false);
        LogEscalated(state.CaseCode, escalated.MissingSeats.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-off reminder for case {CaseCode}: {Seats} seat(s) waited for, {Reached} person(s) reached.")]
    private partial void LogReminded(string caseCode, int seats, int reached);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-off reminder for case {CaseCode} could not reach the person for seat {Seat} in their personal chat.")]
    private partial void LogUnreachable(string caseCode, string seat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-off escalation for case {CaseCode} could not reach a chair in their personal chat.")]
    private partial void LogChairUnreachable(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-off deadline for case {CaseCode} passed without the rule met; {Missing} seat(s) still to answer; chair and business managers told.")]
    private partial void LogEscalated(string caseCode, int missing);
}
