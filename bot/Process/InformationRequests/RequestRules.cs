using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// The guarded moves of a case's information requests. Each returns the events to append, none
/// when the move was already made (so a repeat is harmless), or throws
/// <see cref="RequestRuleException"/> with a sentence when the move is not allowed.
/// </summary>
public static class RequestRules
{
    public static IReadOnlyList<NewEvent> Choose(RequestBook book, AgenciesChosen chosen, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(chosen);
        if (chosen.Agencies.Count == 0)
        {
            throw new RequestRuleException("Choose at least one agency to send the information request to.");
        }

        var withoutAddress = chosen.Agencies.Where(a => a.Leads.Count == 0).Select(a => a.Name).ToList();
        if (withoutAddress.Count > 0)
        {
            throw new RequestRuleException($"{string.Join(", ", withoutAddress)} has no safeguarding lead address in the agency directory; add one with `agencies add` first.");
        }

        if (book.CaseCode is not null && !string.Equals(book.CaseCode, chosen.CaseCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestRuleException($"These requests belong to {book.CaseCode}, not {chosen.CaseCode}.");
        }

        var added = chosen.Agencies.Where(a => !book.Requests.ContainsKey(a.Name)).ToList();
        return added.Count == 0
            ? []
            : [RequestJson.Event(RequestEventTypes.AgenciesChosen, chosen with { Agencies = added }, at)];
    }

    public static IReadOnlyList<NewEvent> MarkSent(RequestBook book, RequestSent sent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(sent);
        var request = book.Find(sent.Agency) ?? throw new RequestRuleException($"{sent.Agency} was not chosen for {book.CaseCode}.");
        return request.Status == RequestStatus.Planned
            ? [RequestJson.Event(RequestEventTypes.RequestSent, sent, at)]
            : [];
    }

    /// <summary>A chaser goes only to an agency that has sent nothing back, and once per timer and agency.</summary>
    public static bool NeedsChaser(RequestBook book, string agency, string timerId)
    {
        ArgumentNullException.ThrowIfNull(book);
        return !book.DoneTimers.Contains(ChaserKey(timerId, agency))
            && book.Find(agency) is { } request
            && request.Status is RequestStatus.Sent or RequestStatus.Chased or RequestStatus.Overdue;
    }

    public static IReadOnlyList<NewEvent> MarkChased(RequestBook book, ChaserSent chaser, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(chaser);
        return book.DoneTimers.Contains(ChaserKey(chaser.TimerId, chaser.Agency)) ? [] : [RequestJson.Event(RequestEventTypes.ChaserSent, chaser, at)];
    }

    /// <summary>One timer chases every silent agency: each agency's chaser is done on its own.</summary>
    public static string ChaserKey(string timerId, string agency) => $"{timerId}|{agency.ToUpperInvariant()}";

    /// <summary>The agencies still open when the deadline passes; each becomes overdue once.</summary>
    public static IReadOnlyList<NewEvent> MarkOverdue(RequestBook book, string timerId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (book.DoneTimers.Contains(timerId))
        {
            return [];
        }

        return [.. book.InOrder
            .Where(r => r.Status is RequestStatus.Sent or RequestStatus.Chased)
            .Select(r => RequestJson.Event(RequestEventTypes.RequestOverdue, new RequestOverdue(r.Agency.Name, timerId, r.DueOn), at))];
    }

    public static IReadOnlyList<NewEvent> RecordReply(RequestBook book, ReplyRecorded reply, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(reply);
        if (book.SeenReplies.Contains(reply.InternetMessageId))
        {
            return [];
        }

        if (book.Find(reply.Agency) is null)
        {
            throw new RequestRuleException($"{reply.Agency} has no request on {book.CaseCode}.");
        }

        return [RequestJson.Event(RequestEventTypes.ReplyRecorded, reply, at)];
    }
}
