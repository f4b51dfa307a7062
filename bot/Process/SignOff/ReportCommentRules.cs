using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>When the panel may comment on the report.</summary>
public sealed record CommentWindow(DateTimeOffset Opens, DateTimeOffset Closes)
{
    public bool IsOpen(DateTimeOffset now) => now >= Opens && now <= Closes;

    public string Describe() => $"{BritishDates.DateAndTime(Opens)} to {BritishDates.DateAndTime(Closes)}";
}

/// <summary>
/// The panel's comments on the report (<see cref="SignOffRule.Comments"/>): on the current version,
/// inside the playbook's window, by a member of the partnership's panel. A repeat of the same comment
/// (a retry, a double click) adds nothing. Refusals are sentences.
/// </summary>
public static class ReportCommentRules
{
    public const int MaxLength = 4000;

    /// <summary>The window for the case: from the named deadline's earliest day at the start of the
    /// working day (or the report's first version when the deadline has no earliest day) to the
    /// deadline. Null when the playbook has no comment round or the deadline does not apply yet.</summary>
    public static CommentWindow? Window(Playbook playbook, CaseState state, CaseTimetable timetable)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timetable);
        if (playbook.SignOff.Comments is not { } rule || timetable.Find(rule.Deadline) is not { } entry || state.ReportVersions.IsEmpty)
        {
            return null;
        }

        var opens = entry.EarliestDate is { } earliest ? WorkingDayCalendar.AtLondon(earliest, playbook.Clock.WorkingDayStarts) : state.ReportVersions[0].At;
        return new CommentWindow(opens, entry.DueAt);
    }

    /// <param name="sealedAs">The record the comment's text is sealed as, for a comment kept apart from the
    /// case's events (a reply in the thread): the event then carries no text, and a repeat is the same record.</param>
    public static IReadOnlyList<NewEvent> Comment(CaseState state, CommentWindow? window, int version, string text, string via, Actor actor, DateTimeOffset now, string? sealedAs = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        var comment = (text ?? string.Empty).Trim();
        if (state.CurrentReportVersion is not { } current)
        {
            throw new CaseRuleException($"Case {state.CaseCode} has no report to comment on yet.");
        }

        if (comment.Length == 0)
        {
            throw new CaseRuleException("Please write your comment in the box before you send it.");
        }

        if (comment.Length > MaxLength)
        {
            throw new CaseRuleException($"Your comment is {comment.Length} characters long; please keep it to {MaxLength}, or send it to the author by email.");
        }

        if (version != current.Number)
        {
            throw new CaseRuleException($"This card is for version {version} of the report for {state.CaseCode}, and the report is now at version {current.Number}. Please comment on the card for version {current.Number}.");
        }

        if (state.SignedOffAt is not null)
        {
            throw new CaseRuleException($"The report for {state.CaseCode} is signed off, so it takes no more comments.");
        }

        if (window is null)
        {
            throw new CaseRuleException($"The report for {state.CaseCode} has no comment round in this partnership's playbook.");
        }

        if (!window.IsOpen(now))
        {
            var standing = now < window.Opens ? "it has not opened yet" : "it has closed";
            throw new CaseRuleException($"Comments on the report for {state.CaseCode} are taken from {window.Describe()}, and {standing}. Please send your comment to the author by email.");
        }

        if (sealedAs is null
            ? state.ReportComments.Any(c => c.Version == version && c.ObjectId == actor.ObjectId && c.Sealed is null && c.Text == comment)
            : state.ReportComments.Any(c => c.Sealed == sealedAs))
        {
            return [];
        }

        var added = new ReportCommentAdded(version, sealedAs is null ? comment : string.Empty, via, actor, $"Comment on version {version} of the report.", sealedAs);
        return [new NewEvent(CaseEventTypes.ReportCommentAdded, CaseJson.Write(added), now)];
    }
}
