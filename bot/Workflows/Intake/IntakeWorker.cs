using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Works through stored notifications and delta finds: leases a batch, handles up to eight at a
/// time, and deletes those done together at the end of the pass (a crash before that only repeats
/// them: the intake ledger takes a message once, and a lifecycle event is safe to handle again).
/// Eight are in hand while the Graph client keeps to Outlook's four concurrent requests per mailbox
/// (MailboxThrottleHandler; docs/graph-behaviour.md, Throttling).
/// A failure leaves the item to come back when its lease ends; after too many tries the message
/// is put in front of the business managers instead.
/// </summary>
public sealed partial class IntakeWorker(
    MailWorkInbox queue,
    MailIntakeProcessor processor,
    LifecycleHandler lifecycle,
    MailForReviewStore review,
    WorkArrived workArrived,
    IOptions<MailboxOptions> options,
    TimeProvider time,
    ILogger<IntakeWorker> logger) : BackgroundService
{
    private const int BatchSize = 32;

    private const int InHand = 8;

    /// <summary>One pass; returns how many items were completed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await queue.ClaimAsync(BatchSize, options.Value.WorkLease, cancellationToken).ConfigureAwait(false);
        var done = new System.Collections.Concurrent.ConcurrentQueue<ClaimedMailWork>();
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = InHand, CancellationToken = cancellationToken },
            async (work, ct) =>
            {
                try
                {
                    if (work.Item.Kind == MailWorkKind.Lifecycle)
                    {
                        await lifecycle.HandleAsync(work.Item.Target, work.Item.SubscriptionId, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await processor.ProcessAsync(work.Item.Target, ct).ConfigureAwait(false);
                    }

                    done.Enqueue(work);
                }
                catch (IntakeMessageHeldException held) when (work.Attempt < options.Value.MaxAttempts)
                {
                    // Another pass holds the message: it may finish it, or it may be this work's own
                    // earlier try whose storage answer was lost. Either way this work looks again.
                    LogHeldElsewhere(logger, work.Item.Target, work.Attempt);
                    await queue.RetryLaterAsync(work, HeldRetryDelay(work.Attempt, held.HeldUntil), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, Hosting.AddressRedactedException.For(ex), work.Item.Kind, work.Item.Target, work.Attempt);
                    if (work.Attempt >= options.Value.MaxAttempts)
                    {
                        await GiveUpAsync(work, ex, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await queue.RetryLaterAsync(work, RetryDelay(work.Attempt), ct).ConfigureAwait(false);
                    }
                }
            }).ConfigureAwait(false);
        await queue.CompleteAsync([.. done], cancellationToken).ConfigureAwait(false);
        return done.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var completed = 0;
            try
            {
                completed = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, Hosting.AddressRedactedException.For(ex));
            }

            if (completed == 0 && !await Pause.WaitAsync(workArrived.Signal, options.Value.WorkerPollInterval, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>5 s, 10 s, 20 s … capped at the lease, with up to 1 s of jitter.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var delay = TimeSpan.FromSeconds(5 * Math.Pow(2, attempt - 1)) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
        return delay < options.Value.WorkLease ? delay : options.Value.WorkLease;
    }

    /// <summary>The usual backoff, but no later than just after the other pass's lease ends.</summary>
    private TimeSpan HeldRetryDelay(int attempt, DateTimeOffset heldUntil)
    {
        var untilFree = heldUntil - time.GetUtcNow() + TimeSpan.FromSeconds(1);
        var backoff = RetryDelay(attempt);
        return untilFree > TimeSpan.Zero && untilFree < backoff ? untilFree : backoff;
    }

    private async Task GiveUpAsync(ClaimedMailWork work, Exception ex, CancellationToken cancellationToken)
    {
        var mailbox = options.Value.Mailbox!;
        await review.AddAsync(
            mailbox,
            new MailForReview(
                "work:" + work.RowKey,
                null,
                time.GetUtcNow(),
                $"Intake gave up after {work.Attempt} tries on {work.Item.Kind} {work.Item.Target}: {ex.GetType().Name}. Open the mailbox and check it by hand.",
                null,
                null),
            cancellationToken).ConfigureAwait(false);
        await queue.CompleteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake of {Kind} {Target} failed on attempt {Attempt}; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception ex, MailWorkKind kind, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Intake of message {Target} is held by another pass (attempt {Attempt}); it is looked at again later")]
    private static partial void LogHeldElsewhere(ILogger logger, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Intake pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);
}
