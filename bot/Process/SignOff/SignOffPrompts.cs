using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>One prompt about the sign-off deadline: a reminder to the seats still to answer, or the
/// escalation when the deadline passes. The id carries the deadline's instant, so a moved deadline
/// gets fresh prompts while one already given stays given.</summary>
public sealed record SignOffPrompt(string Id, string CaseCode, string Kind, DateTimeOffset FireAt, DateTimeOffset DeadlineAt);

/// <summary>
/// When the sign-off deadline's prompts fall and what they record. While a report version waits for
/// sign-off and the case is open: each of the playbook's reminders (<see cref="SignOffRule.Reminders"/>,
/// e.g. Oldham 9 am and 2 pm on the last day) still ahead of the deadline, and the escalation at the
/// deadline. Once the report is signed off there is nothing to prompt.
/// </summary>
public static class SignOffPrompts
{
    public const string TimerKind = "sign-off-prompt";
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";

    public static IReadOnlyList<SignOffPrompt> Plan(Playbook playbook, CaseState state, DateTimeOffset? deadline, WorkingDayCalendar calendar, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        if (deadline is not { } due || !state.Exists || state.IsClosed || state.SignedOffAt is not null || state.CurrentReportVersion is null)
        {
            return [];
        }

        var lastDay = calendar.OnOrNextWorkingDay(WorkingDayCalendar.LondonDate(due));
        var prompts = new List<SignOffPrompt>();
        var reminders = playbook.SignOff.RemindersOrNone;
        for (var i = 0; i < reminders.Count; i++)
        {
            var fireAt = WorkingDayCalendar.AtLondon(calendar.AddWorkingDays(lastDay, -reminders[i].WorkingDaysBefore), reminders[i].Time);
            if (fireAt >= notBefore && fireAt < due)
            {
                prompts.Add(new SignOffPrompt(IdFor(state.CaseCode, $"{Reminder}-{i}", due), state.CaseCode, Reminder, fireAt, due));
            }
        }

        prompts.Add(new SignOffPrompt(IdFor(state.CaseCode, Escalation, due), state.CaseCode, Escalation, due, due));
        return [.. prompts.Where(p => !state.SignOffPromptsGiven.Contains(p.Id))];
    }

    public static string IdFor(string caseCode, string kind, DateTimeOffset deadline) => $"{caseCode}:sign-off:{kind}:{deadline.UtcTicks}";

    public static string Payload(SignOffPrompt prompt) => CaseJson.Write(prompt);

    public static SignOffPrompt Read(string payload) => CaseJson.Read<SignOffPrompt>(payload);

    /// <summary>The seats whose answer the rule still waits for on the current version: the partners'
    /// seats and a required independent endorser, less those who answered (either way), and the
    /// business manager while the playbook's compliance check is not confirmed. An alternative
    /// sole signatory is not chased: it signs only where the partnership judges it proportionate.</summary>
    public static IReadOnlyList<string> Waiting(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        var rule = playbook.SignOff;
        var seats = rule.IndependentEndorsement == "required" && rule.IndependentSeat is { } independent ? rule.Seats.Append(independent) : rule.Seats;
        var waiting = seats.Distinct(StringComparer.Ordinal).Where(s => !state.SeatSignOffs.ContainsKey(s));
        return rule.ComplianceCheck is { } check && state.ComplianceCheck is null ? [.. waiting, check.Seat] : [.. waiting];
    }

    /// <summary>What a waited-for seat is called in a reminder or an escalation: the compliance check by its name.</summary>
    public static string Describe(Playbook playbook, string seat)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return playbook.SignOff.ComplianceCheck is { } check && check.Seat == seat
            ? $"{playbook.FindSeat(seat)?.Title ?? seat} ({check.Name})"
            : playbook.FindSeat(seat)?.Title ?? seat;
    }

    /// <summary>Whether <paramref name="prompt"/> still speaks for the case: not given yet, the report
    /// not signed off, the case open, and the deadline where the prompt was planned.</summary>
    public static bool StillDue(CaseState state, SignOffPrompt prompt, DateTimeOffset? deadline)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(prompt);
        return state.Exists && !state.IsClosed && state.SignedOffAt is null && state.CurrentReportVersion is not null
            && !state.SignOffPromptsGiven.Contains(prompt.Id) && deadline == prompt.DeadlineAt;
    }

    /// <summary>Records the reminder to the seats still waited for; nothing when it is no longer due
    /// or no seat is waited for (everyone answered and the rule is not met: the escalation speaks then).</summary>
    public static IReadOnlyList<NewEvent> Remind(Playbook playbook, CaseState state, SignOffPrompt prompt, DateTimeOffset? deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var waiting = Waiting(playbook, state);
        if (!StillDue(state, prompt, deadline) || waiting.Count == 0)
        {
            return [];
        }

        var reminded = new SignOffReminderSent(prompt.Id, waiting, state.CurrentReportVersion!.Number, prompt.DeadlineAt, Actor.System, $"Sign-off of version {state.CurrentReportVersion.Number} is due by {BritishDates.DateAndTime(prompt.DeadlineAt)}; the seats still to answer were reminded.");
        return [new NewEvent(CaseEventTypes.SignOffReminderSent, CaseJson.Write(reminded), now)];
    }

    /// <summary>Records the escalation once the deadline has passed without the rule met.</summary>
    public static IReadOnlyList<NewEvent> Escalate(Playbook playbook, CaseState state, SignOffPrompt prompt, DateTimeOffset? deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(prompt);
        if (!StillDue(state, prompt, deadline) || now < prompt.DeadlineAt)
        {
            return [];
        }

        var verdict = SignOffEvaluator.Evaluate(playbook, [.. state.SignOffs.Values], now, prompt.DeadlineAt, state.ComplianceCheck?.At);
        var missing = Waiting(playbook, state).Select(s => Describe(playbook, s)).ToList();
        var escalated = new SignOffEscalated(prompt.Id, prompt.DeadlineAt, missing, verdict.Explanation, Actor.System, "The sign-off deadline passed without the playbook's rule met.");
        return [new NewEvent(CaseEventTypes.SignOffEscalated, CaseJson.Write(escalated), now)];
    }
}
