using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// What follows from where the requests stand: when the last agency has answered, the chronologies
/// are merged and the case records its returns complete; when the deadline passes with agencies
/// silent, the business managers are told which. Messages name agencies and dates, never a child.
/// </summary>
public sealed class RequestProgress(
    CaseService cases,
    ChronologyCollation collation,
    RequestCaseIndex openCases,
    IBusinessManagerNotifier notifier,
    ReturnCardInThread card,
    IEnumerable<IReturnFollower> followers,
    TimeProvider time)
{
    public async Task AfterReplyAsync(string caseCode, CancellationToken cancellationToken)
    {
        foreach (var follower in followers)
        {
            await follower.AfterReturnAsync(caseCode, cancellationToken).ConfigureAwait(false);
        }

        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        if (book.AllClosed && book.Collated is null)
        {
            await CollateAsync(caseCode, "every agency has answered", $"{caseCode}:requests:all-answered", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await card.ShowAsync(caseCode, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OverdueAsync(string caseCode, string notificationId, IReadOnlyList<string> late, CancellationToken cancellationToken)
    {
        if (late.Count == 0)
        {
            return;
        }

        var book = (await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        var due = book.DueOn is { } d ? BritishDates.Date(d) : "the deadline";
        var message = $"Case {caseCode}: the information requested was due {due} and has not come back from {late.Count} {(late.Count == 1 ? "agency" : "agencies")}: {string.Join(", ", late)}. Each was chased the working day before and on the day.";
        await notifier.NotifyAsync(new BusinessManagerNotification(notificationId, caseCode, book.Partnership ?? string.Empty, "requests-overdue", message), cancellationToken).ConfigureAwait(false);
        await card.ShowAsync(caseCode, cancellationToken).ConfigureAwait(false);
    }

    public async Task CollateAsync(string caseCode, string reason, string notificationId, CancellationToken cancellationToken)
    {
        var seen = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!seen.Exists)
        {
            throw new RequestRuleException($"There is no case {caseCode}.");
        }

        var playbook = cases.Playbooks.Get(seen.Partnership);

        // Collation reads the case and records the merge on it: the state it leaves is current.
        var result = await collation.CollateAsync(caseCode, playbook.Name, WorkingDayCalendar.LondonDate(time.GetUtcNow()), reason, cancellationToken).ConfigureAwait(false);
        var state = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var book = state.Requests;
        if (book.AllClosed && state.ReturnsCompleteAt is null && state.RequestedAt is not null)
        {
            await cases.ExecuteAsync(caseCode, (rules, s, at) => rules.CompleteReturns(s, Actor.System, "Every agency has returned its information or said it holds no records.", at), cancellationToken).ConfigureAwait(false);
            await openCases.CloseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        }

        var message = $"Case {caseCode}: the multi-agency chronology is ready to check ({result.Rows} {(result.Rows == 1 ? "entry" : "entries")} from {result.Returns} returned {(result.Returns == 1 ? "document" : "documents")}; {reason})."
            + (result.Unread.Count == 0 ? string.Empty : $" Could not read: {string.Join("; ", result.Unread)}.");
        await notifier.NotifyAsync(new BusinessManagerNotification(notificationId, caseCode, playbook.Key, "chronology-collated", message), cancellationToken).ConfigureAwait(false);
        await card.ShowAsync(caseCode, cancellationToken).ConfigureAwait(false);
    }
}
