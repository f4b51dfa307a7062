using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>Sends the planned requests when the playbook says: at once, or on its send day (<see cref="RequestSendMoment"/>).</summary>
public sealed class SendRequestsTimerHandler(InformationRequestService requests, IEnumerable<IRequestsSentFollower> followers, RequestStreamGate? gate = null) : ITimerHandler
{
    public string Kind => RequestTimerKinds.Send;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        gate?.ThrowIfPending();
        var caseCode = RequestJson.Read<RequestTimerPayload>(timer.Payload).CaseCode;
        await requests.SendPlannedAsync(caseCode, cancellationToken).ConfigureAwait(false);

        // A follower that fails leaves the timer to fire again: the sending is done, the follower retried.
        foreach (var follower in followers)
        {
            await follower.AfterRequestsSentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Chases agencies with nothing back (the timer's id makes each chase happen once).</summary>
public sealed class ChaseRequestsTimerHandler(InformationRequestService requests, RequestStreamGate? gate = null) : ITimerHandler
{
    public string Kind => RequestTimerKinds.Chase;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        gate?.ThrowIfPending();
        var payload = RequestJson.Read<RequestTimerPayload>(timer.Payload);
        await requests.ChaseAsync(payload.CaseCode, timer.Id, payload.DueToday, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>At the end of the deadline day: open requests become overdue and the business managers hear which.</summary>
public sealed class OverdueRequestsTimerHandler(InformationRequestService requests, RequestProgress progress, CaseService cases, RequestStreamGate? gate = null) : ITimerHandler
{
    public string Kind => RequestTimerKinds.Overdue;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        gate?.ThrowIfPending();
        var caseCode = RequestJson.Read<RequestTimerPayload>(timer.Payload).CaseCode;
        await requests.MarkOverdueAsync(caseCode, timer.Id, cancellationToken).ConfigureAwait(false);

        // Told from the state, not from what this firing appended: a repeat after a crash still tells them (once, by id).
        // The marking above decided on the whole stream, so the state it left is current: no second read.
        var book = (await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        var late = book.InOrder.Where(r => r.Status == RequestStatus.Overdue).Select(r => r.Agency.Name).ToList();
        await progress.OverdueAsync(caseCode, timer.Id, late, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The working day after returns are due: merge what has come back, if not done already.</summary>
public sealed class CollateRequestsTimerHandler(RequestProgress progress, CaseService cases, RequestStreamGate? gate = null) : ITimerHandler
{
    public string Kind => RequestTimerKinds.Collate;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        gate?.ThrowIfPending();
        var caseCode = RequestJson.Read<RequestTimerPayload>(timer.Payload).CaseCode;
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        if (book.Collated is null)
        {
            await progress.CollateAsync(caseCode, "the collation day has come", timer.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
