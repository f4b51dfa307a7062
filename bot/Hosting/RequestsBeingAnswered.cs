using System.Diagnostics;

namespace TeamsReviewBot.Hosting;

/// <summary>
/// The requests this instance is answering right now that someone waits on: a card click or a
/// command from Teams, an Outlook action, the board. Work that need not
/// delay an answer (a case's follow-ups: card edits, mail, timers) stands back while there are
/// any, so a burst of clicks is answered before storage and the CPU go to what follows them.
/// Measured on the machine's clock: it is about load, not about the cases' dates.
/// </summary>
public sealed class RequestsBeingAnswered
{
    /// <summary>No request for this long counts as quiet: the moment between one answer and the same
    /// person's or Teams' next request is not.</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private int _inFlight;
    private long _lastEnded;
    private TaskCompletionSource? _allAnswered;

    /// <summary>How many requests are being answered now.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>A request is being answered until the returned scope is disposed.</summary>
    public Answering Begin()
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Answering(this);
    }

    /// <summary>
    /// Completes once no request has been in flight for <see cref="QuietAfter"/>, or after
    /// <paramref name="atMost"/> whatever the load, so work that stands back is delayed, never starved.
    /// </summary>
    public async Task QuietAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(atMost.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task? allAnswered = null;
            var settling = TimeSpan.Zero;
            lock (_gate)
            {
                if (_inFlight > 0)
                {
                    allAnswered = _allAnswered!.Task;
                }
                else
                {
                    settling = QuietAfter - Stopwatch.GetElapsedTime(_lastEnded);
                    if (_lastEnded == 0 || settling <= TimeSpan.Zero)
                    {
                        return;
                    }
                }
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), giveUpAt);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            if (allAnswered is null)
            {
                await Task.Delay(settling < left ? settling : left, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await allAnswered.WaitAsync(left, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    private void End()
    {
        TaskCompletionSource? allAnswered = null;
        lock (_gate)
        {
            _lastEnded = Stopwatch.GetTimestamp();
            if (--_inFlight == 0)
            {
                allAnswered = _allAnswered;
            }
        }

        allAnswered?.TrySetResult();
    }

    /// <summary>One request being answered; disposing it says the answer is given.</summary>
    public readonly struct Answering(RequestsBeingAnswered requests) : IDisposable
    {
        public void Dispose() => requests.End();
    }
}
