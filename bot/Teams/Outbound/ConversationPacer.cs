using System.Collections.Concurrent;

namespace TeamsReviewBot.Teams.Outbound;

/// <summary>
/// Keeps the bot's operations on one conversation (thread) within Teams' per-thread limits:
/// 7 in any 1 s, 8 in any 2 s, 60 in any 30 s, 1,800 in any hour. A caller waits for the earliest
/// moment every window has room. Per process: with several instances each paces its own posts,
/// and the retry handler absorbs the rare 429 that leaves.
/// </summary>
public sealed class ConversationPacer(TimeProvider time)
{
    public static readonly IReadOnlyList<(TimeSpan Window, int Max)> ThreadLimits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private readonly ConcurrentDictionary<string, ThreadState> _threads = new(StringComparer.Ordinal);

    /// <summary>Waits until one more operation on <paramref name="conversationId"/> fits, then counts it.</summary>
    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_threads.Count > 1000)
        {
            ForgetIdleThreads();
        }

        var state = _threads.GetOrAdd(conversationId, _ => new ThreadState());
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = WaitNeeded(state.Sent, now);
                if (wait <= TimeSpan.Zero)
                {
                    state.Sent.Enqueue(now);
                    state.LastSent = now;
                    return;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>A thread with nothing in the last hour has no limit left to keep; dropping it keeps
    /// memory in proportion to the threads the bot is busy in.</summary>
    private void ForgetIdleThreads()
    {
        var now = time.GetUtcNow();
        foreach (var (id, state) in _threads)
        {
            if (state.Gate.CurrentCount == 1 && state.LastSent is { } last && now - last >= ThreadLimits[^1].Window)
            {
                _threads.TryRemove(new KeyValuePair<string, ThreadState>(id, state));
            }
        }
    }

    private static TimeSpan WaitNeeded(Queue<DateTimeOffset> sent, DateTimeOffset now)
    {
        var longest = ThreadLimits[^1].Window;
        while (sent.Count > 0 && now - sent.Peek() >= longest)
        {
            sent.Dequeue();
        }

        var wait = TimeSpan.Zero;
        var times = sent.ToArray();
        foreach (var (window, max) in ThreadLimits)
        {
            var inWindow = times.Where(t => now - t < window).ToArray();
            if (inWindow.Length >= max)
            {
                // The oldest send that must fall out of the window before one more fits.
                var mustExpire = inWindow[inWindow.Length - max];
                var until = mustExpire + window - now;
                if (until > wait)
                {
                    wait = until;
                }
            }
        }

        return wait;
    }

    private sealed class ThreadState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Queue<DateTimeOffset> Sent { get; } = new();

        public DateTimeOffset? LastSent { get; set; }
    }
}
