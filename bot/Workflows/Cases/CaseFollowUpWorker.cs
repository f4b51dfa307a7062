using Microsoft.Extensions.Options;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Carries out the follow-ups appends owe (each case's index row and timers brought up to date, see
/// CaseService.FollowUp.cs) right after the reply, a few cases at a time, and deletes each case's
/// follow-up row once done. At start-up and every <see cref="CaseFollowUpOptions.SweepEvery"/> it
/// looks for rows still owed (an instance stopped between an append and its follow-up) and does
/// those too. After the index and timers come the steps the case still owes (<see cref="ICaseFollowUpStep"/>),
/// then what shows the case in Teams is brought up to date (<see cref="ICaseShownInTeams"/>), and only
/// then is the row deleted. A follow-up that fails stays owed and is tried again by the next sweep.
/// With several instances, the row's claim (see <see cref="CaseFollowUpRows"/>) says which one runs
/// it: a row another live instance holds is left to it (its own append's row, or one its run has
/// taken), one whose claim ran out is taken on its ETag, and the claim is renewed before each step
/// that reaches outside (a card edit, a post, an email, the managers' notice) once it runs low.
/// A follow-up starts when no click or command is being answered, or once it has waited the set time
/// (<see cref="CaseFollowUpOptions.StandBackWhileAnsweringAtMost"/>): answers first.
/// </summary>
public sealed partial class CaseFollowUpWorker(
    CaseService cases,
    PendingCaseFollowUps queue,
    CaseFollowUpRows owed,
    IEnumerable<ICaseFollowUpStep> steps,
    IEnumerable<ICaseShownInTeams> shown,
    IOptions<CaseFollowUpOptions> options,
    RequestsBeingAnswered answering,
    TimeProvider time,
    ILogger<CaseFollowUpWorker> logger) : BackgroundService
{
    private readonly ICaseFollowUpStep[] _steps = [.. steps];
    private readonly ICaseShownInTeams[] _shown = [.. shown];

    /// <summary>
    /// Carries out one case's owed follow-up now: nothing when no row is owed (another run did it).
    /// The row is deleted only if no append owed it again meanwhile; a step's own record (the
    /// referrer's letter, say) is such an append, so the follow-up then looks again. The row this
    /// instance's append wrote, and the case as that append left it, are used from memory: the
    /// delete on the row's ETag is the check that nothing newer came from elsewhere.
    /// </summary>
    public async Task FollowUpAsync(string caseCode, CancellationToken cancellationToken)
    {
        for (var look = 0; look < 3; look++)
        {
            if ((owed.Known(caseCode) ?? await owed.FindAsync(caseCode, cancellationToken).ConfigureAwait(false)) is not { } found)
            {
                return;
            }

            // Another live instance runs it (or is about to): it is theirs, and the sweep takes it if they die.
            if (owed.HeldElsewhere(found))
            {
                LogHeldElsewhere(caseCode);
                return;
            }

            // This instance's own fresh claim costs nothing more; a row unclaimed, run out or running low is claimed on its ETag.
            var row = owed.HeldHere(found) ? found : await owed.ClaimAsync(found, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                LogHeldElsewhere(caseCode);
                return;
            }

            await cases.ReconcileAsync(caseCode, row, cancellationToken).ConfigureAwait(false);
            if (!await StepsAsync(caseCode, cancellationToken).ConfigureAwait(false))
            {
                LogClaimLost(caseCode);
                return;
            }

            // A step's own append owed the row again here: look again without a delete bound to fail.
            var since = owed.Known(caseCode);
            if (since is not null && since.ETag != row.ETag)
            {
                continue;
            }

            // The row in hand holds every append this instance knows of: those appends need no further run.
            if (since is not null)
            {
                queue.CoveredSoFar(caseCode);
            }

            if (await owed.CompleteAsync(row, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        // Still owed after three looks (appends keep coming): the append that owed it last queued it again.
    }

    /// <summary>
    /// The steps the case as it stands still owes, carried out in order, then its card shown as it
    /// now stands; each only while this instance still holds the case's row (false: it no longer does,
    /// and what is left is the holder's).
    /// </summary>
    private async Task<bool> StepsAsync(string caseCode, CancellationToken cancellationToken)
    {
        if (_steps.Length == 0 && _shown.Length == 0)
        {
            return true;
        }

        // The reconcile has just read the stream (or held it as current): this is the case as stored, from memory.
        var state = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!state.Exists)
        {
            return true;
        }

        var stepped = false;
        foreach (var step in _steps)
        {
            if (step.IsOwed(state))
            {
                if (!await owed.HoldAsync(caseCode, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await step.CarryOutAsync(state, cancellationToken).ConfigureAwait(false);
                stepped = true;
            }
        }

        if (stepped)
        {
            state = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        }

        foreach (var shown in _shown)
        {
            if (!await owed.HoldAsync(caseCode, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await shown.ShowAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Queues every case whose follow-up is owed in storage and held by no other live instance;
    /// returns how many. A row another instance holds is left to it, and looked at again when its
    /// claim runs out (<see cref="NextLookAt"/>), in case that instance died.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var rows = await owed.ListAsync(cancellationToken).ConfigureAwait(false);
        var queued = 0;
        DateTimeOffset? nextLook = null;
        foreach (var row in rows)
        {
            if (owed.HeldElsewhere(row))
            {
                nextLook = nextLook is { } earlier && earlier < row.ClaimedUntil ? earlier : row.ClaimedUntil;
                continue;
            }

            queue.Owe(row.StreamId);
            queued++;
        }

        NextLookAt = nextLook;
        return queued;
    }

    /// <summary>When the earliest claim the last sweep left to another instance runs out; null when it left none.</summary>
    public DateTimeOffset? NextLookAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => ServeAsync(stoppingToken)).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var found = await SweepAsync(stoppingToken).ConfigureAwait(false);
                if (found > 0)
                {
                    LogFound(found);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(Hosting.AddressRedactedException.For(ex));
            }

            try
            {
                await Task.Delay(UntilNextSweep(), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    /// <summary>The sweep's cadence, or sooner: just after the earliest claim it left to another instance runs out.</summary>
    private TimeSpan UntilNextSweep()
    {
        var every = options.Value.SweepEvery;
        if (NextLookAt is not { } at)
        {
            return every;
        }

        var untilThen = at - time.GetUtcNow() + TimeSpan.FromSeconds(1);
        return untilThen < every ? (untilThen > TimeSpan.Zero ? untilThen : TimeSpan.FromSeconds(1)) : every;
    }

    private async Task ServeAsync(CancellationToken stoppingToken)
    {
        try
        {
            var reader = queue.Reader;
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // Answers first: a follow-up waits for a moment when no click is being answered, or at
                // most the set time, so under load it is delayed, never stopped.
                var standBack = options.Value.StandBackWhileAnsweringAtMost;
                if (standBack > TimeSpan.Zero)
                {
                    await answering.QuietAsync(standBack, stoppingToken).ConfigureAwait(false);
                }

                if (!reader.TryRead(out var caseCode))
                {
                    continue;
                }

                queue.Started(caseCode);
                try
                {
                    await FollowUpAsync(caseCode, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(Hosting.AddressRedactedException.For(ex), caseCode);
                }
                finally
                {
                    queue.Finished(caseCode);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was not done stays owed in storage.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} cases owed their timers and index brought up to date; doing it now.")]
    private partial void LogFound(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseCode}'s timers and index could not be brought up to date; it stays owed and is tried again.")]
    private partial void LogFailed(Exception exception, string caseCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode}'s follow-up is held by another instance (or was done meanwhile); it is left to that instance.")]
    private partial void LogHeldElsewhere(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseCode}'s follow-up was taken over by another instance while it ran here; what is left is that instance's.")]
    private partial void LogClaimLost(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for owed follow-ups failed; the next look tries again.")]
    private partial void LogSweepFailed(Exception exception);
}
