using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Afterwards;

/// <summary>
/// The guarded moves after the submission: starting the afterwards steps with the letters planned,
/// marking an item done, recording letters and lesson logs, closing when nothing remains open, and
/// recording the erasure of the child's details. Pure: <c>now</c> is passed in; a move already made
/// returns no events, so a retry after a crash changes nothing.
/// </summary>
public sealed class AfterwardsRules(Playbook playbook, CaseSchedule schedule)
{
    public IReadOnlyList<AfterwardsItem> Items(CaseState state) =>
        AfterwardsItems.List(playbook, schedule.Timetable(playbook, state), state);

    public IReadOnlyList<AfterwardsItem> OpenItems(CaseState state) =>
        AfterwardsItems.Open(playbook, schedule.Timetable(playbook, state), state);

    /// <summary>Once the report is submitted: the afterwards steps start and the outcome letters are planned.</summary>
    public IReadOnlyList<NewEvent> Start(CaseState state, IReadOnlyList<LetterRecipient> letters, IReadOnlyList<LetterWithheld> withheld, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.IsClosed || state.SubmittedAt is null || state.AfterwardsAt is not null)
        {
            return [];
        }

        var items = string.Join("; ", playbook.Afterwards.Select(a => a.Description)) + ".";
        var events = new List<NewEvent>
        {
            Event(CaseEventTypes.AfterwardsStarted, new AfterwardsStarted(Actor.System, $"The report reached the National Panel on {BritishDates.DateAndTime(state.SubmittedAt.Value)}. {items}"), now),
        };
        var reason = letters.Count == 0 && withheld.Count == 0
            ? $"The {playbook.Name} procedure asks for no outcome letters from the bot."
            : $"{letters.Count} to send ({string.Join(", ", letters.Select(l => l.Name))})"
                + (withheld.Count == 0 ? "." : $"; none for {string.Join("; ", withheld.Select(w => $"{w.Name} ({w.Why})"))}.");
        events.Add(Event(CaseEventTypes.OutcomeLettersPlanned, new OutcomeLettersPlanned(letters, withheld, Actor.System, reason), now));
        return events;
    }

    /// <summary>Once a decision ends the case without a Rapid Review (no further action, another
    /// learning route): the afterwards steps start with what that path owes; no outcome letters.</summary>
    public IReadOnlyList<NewEvent> StartWithoutReview(CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.IsClosed || !AfterwardsItems.EndsWithoutReview(state) || state.AfterwardsAt is not null)
        {
            return [];
        }

        var owed = Items(state).Where(i => i.Tracked).Select(i => i.Name).ToList();
        var reason = $"The threshold decision is \"{state.Decision!.OutcomeLabel}\"; no Rapid Review follows. "
            + (owed.Count == 0 ? "The procedure tracks nothing further." : $"Owed before the case closes: {string.Join("; ", owed)}.");
        return [Event(CaseEventTypes.AfterwardsStarted, new AfterwardsStarted(Actor.System, reason), now)];
    }

    /// <summary>A business manager marks an afterwards item, or a hand-marked step of the case's timetable, done.</summary>
    public IReadOnlyList<NewEvent> MarkDone(CaseState state, string item, string note, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId}.");
        }

        var owned = playbook.FindDeadline((item ?? string.Empty).Trim().ToLowerInvariant())?.Owner;
        if (!actor.IsBusinessManager && (owned is null || actor.Partner != owned))
        {
            throw new CaseRuleException(owned is null ? "Only a business manager can mark a case's steps done." : $"Only a business manager or the {playbook.FindSeat(owned)?.Title ?? owned} can mark this step done.");
        }

        if (state.IsClosed)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is closed; nothing on it can be marked done.");
        }

        var key = (item ?? string.Empty).Trim().ToLowerInvariant();
        var items = Items(state);
        var afterwards = items.FirstOrDefault(i => i.Key == key);
        var stepKey = afterwards is not null
            ? playbook.Afterwards.First(a => a.Key == key).Deadline ?? key
            : Steps(state).FirstOrDefault(d => d.Key == key)?.Key;
        if (stepKey is null)
        {
            throw new CaseRuleException($"Case {state.CaseCode} has no step \"{Shorten(key)}\". {StillOpenSentence(state)}");
        }

        var name = afterwards?.Name ?? playbook.FindDeadline(stepKey)!.Name;
        if (afterwards?.Done == true || state.CompletedSteps.ContainsKey(stepKey))
        {
            throw new CaseRuleException($"'{name}' is already done for case {state.CaseCode}. {StillOpenSentence(state)}");
        }

        var reason = string.IsNullOrWhiteSpace(note) ? (actor.IsBusinessManager ? "Marked done by the business manager." : $"Marked done by the {playbook.FindSeat(actor.Partner!)?.Title ?? actor.Partner}.") : note.Trim();
        return [Event(CaseEventTypes.StepCompleted, new StepCompleted(stepKey, actor, reason), now)];
    }

    /// <summary>The sentence listing what is still open on the case, for a refusal or a reply.</summary>
    public string StillOpenSentence(CaseState state)
    {
        var open = Items(state).Where(i => !i.Done).Select(i => $"{i.Key} ({i.Name}{(i.DueAt is { } due ? ", due " + BritishDates.DateAndTime(due) : string.Empty)})")
            .Concat(Steps(state).Where(d => !state.CompletedSteps.ContainsKey(d.Key) && !playbook.Afterwards.Any(a => a.Deadline == d.Key)).Select(d => $"{d.Key} ({d.Name})"))
            .ToList();
        return open.Count == 0
            ? $"Nothing is left open on case {state.CaseCode}."
            : $"Its open items are: {string.Join("; ", open)}.";
    }

    public static IReadOnlyList<NewEvent> LetterSent(CaseState state, LetterRecipient recipient, string? messageId, string from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(recipient);
        return state.OutcomeLettersSent.ContainsKey(recipient.Key)
            ? []
            : [Event(CaseEventTypes.OutcomeLetterSent, new OutcomeLetterSent(recipient.Key, recipient.Addresses, messageId, Actor.System, $"To {recipient.Name}, from {from}."), now)];
    }

    /// <summary>The lesson log is asked of the agencies that took part, once, after the meeting.</summary>
    public IReadOnlyList<NewEvent> RequestLessonLogs(CaseState state, IReadOnlyList<LetterRecipient> agencies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(agencies);
        if (state.LessonLogsRequestedAt is not null || state.IsClosed || agencies.Count == 0)
        {
            return [];
        }

        var due = schedule.Timetable(playbook, state).Get(AfterwardsItems.LessonLog).DueAt;
        return [Event(CaseEventTypes.LessonLogsRequested, new LessonLogsRequested(agencies, due, Actor.System, $"Sent to {string.Join(", ", agencies.Select(a => a.Name))}; due {BritishDates.DateAndTime(due)}."), now)];
    }

    /// <summary>An agency's lesson log came back; when it is the last, the lesson-log item is done.</summary>
    public static IReadOnlyList<NewEvent> LessonLogBack(CaseState state, string agency, string messageId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsClosed || state.LessonLogsReturned.ContainsKey(agency) || !state.LessonLogAgencies.Any(a => string.Equals(a.Name, agency, StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        var events = new List<NewEvent> { Event(CaseEventTypes.LessonLogReturned, new LessonLogReturned(agency, messageId, Actor.System, $"From {agency}, matched by the case code in the subject."), now) };
        var stillOut = state.LessonLogsOutstanding.Count(a => !string.Equals(a.Name, agency, StringComparison.OrdinalIgnoreCase));
        if (stillOut == 0 && !state.CompletedSteps.ContainsKey(AfterwardsItems.LessonLog))
        {
            events.Add(Event(CaseEventTypes.StepCompleted, new StepCompleted(AfterwardsItems.LessonLog, Actor.System, "Every agency asked has returned its lesson log."), now));
        }

        return events;
    }

    /// <summary>Closes the case once its afterwards steps started and nothing they track remains open.</summary>
    public IReadOnlyList<NewEvent> CloseIfNothingOpen(CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        // A Rapid Review closes once its letters are planned; a case ended at its decision plans none.
        var lettersPlanned = state.OutcomeLetters is not null || AfterwardsItems.EndsWithoutReview(state);
        if (!state.Exists || state.IsClosed || state.AfterwardsAt is null || !lettersPlanned || OpenItems(state).Count > 0)
        {
            return [];
        }

        var done = Items(state).Where(i => i.Tracked).Select(i => i.Name).ToList();
        var reason = done.Count == 0
            ? AfterwardsItems.EndsWithoutReview(state) ? "Nothing remains open: the decision needs no Rapid Review and the procedure tracks nothing further." : "Nothing remains open: the report is with the National Panel and the procedure tracks nothing further."
            : $"Nothing remains open: {string.Join("; ", done)}.";
        return [Event(CaseEventTypes.Closed, new Closed(Actor.System, reason), now)];
    }

    public static IReadOnlyList<NewEvent> Erased(CaseState state, int records, TimeSpan retention, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.DetailsErasedAt is not null || !state.IsClosed
            ? []
            : [Event(CaseEventTypes.ChildDetailsErased, new ChildDetailsErased(records, Actor.System, $"The retention period ({retention.TotalDays:0} days after closure) passed: the referral's sealed details and the case's stored files were erased ({records} records); the case's events are kept."), now)];
    }

    /// <summary>The hand-marked steps of the case's timetable that apply to its path.</summary>
    private IEnumerable<DeadlineRule> Steps(CaseState state) =>
        playbook.Deadlines.Where(d => d.CompletedBy == Milestones.Step
            && (d.AppliesWhen is null || d.AppliesWhen == state.OutcomeKind)
            && (d.Condition is null || state.InForce(d))
            && (d.CaseFactor is null || state.InForce(d)));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static NewEvent Event<T>(string type, T data, DateTimeOffset at) => new(type, CaseJson.Write(data), at);
}
