using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The business managers' notices after threshold decisions, sent as they come but gathered while
/// one is on its way: Teams lets the bot post about 2 messages a second into one chat (60 in 30 s),
/// so when many cases are decided at once the notices that wait behind a post go out together, as
/// one message listing each case's sentence (case codes only, as every notice), at most
/// <see cref="MostPerMessage"/> to a message. A notice alone goes out alone, at once. Each caller
/// still records its own case's notice once the message carrying it is sent, so a notice is owed,
/// and sent again after a crash, exactly as before.
/// </summary>
public sealed class ManagerNoticeBatches(IBusinessManagerAlerts alerts)
{
    /// <summary>Enough cases to a message to keep up with a full panel's decisions, few enough to read.</summary>
    public const int MostPerMessage = 10;

    private readonly Lock _gate = new();
    private readonly Queue<Notice> _waiting = new();
    private bool _posting;

    /// <summary>Sends <paramref name="sentence"/> to the business managers, alone or with others
    /// waiting beside it; returns how many business managers the message reached.</summary>
    public async Task<int> AlertAsync(string sentence, CancellationToken cancellationToken)
    {
        var mine = new Notice(sentence);
        bool lead;
        lock (_gate)
        {
            lead = !_posting;
            _posting = true;
            if (!lead)
            {
                _waiting.Enqueue(mine);
            }
        }

        if (lead)
        {
            await PostAsync([mine], cancellationToken).ConfigureAwait(false);
            if (Next() is { Count: > 0 } next)
            {
                // The notices that gathered meanwhile go on without holding this caller up.
                _ = Task.Run(() => DrainAsync(next), CancellationToken.None);
            }
        }

        return await mine.Sent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainAsync(List<Notice> batch)
    {
        while (batch.Count > 0)
        {
            await PostAsync(batch, CancellationToken.None).ConfigureAwait(false);
            batch = Next();
        }
    }

    /// <summary>The next message's notices; none (and nothing posting) when none wait.</summary>
    private List<Notice> Next()
    {
        lock (_gate)
        {
            var batch = new List<Notice>();
            while (batch.Count < MostPerMessage && _waiting.TryDequeue(out var notice))
            {
                batch.Add(notice);
            }

            _posting = batch.Count > 0;
            return batch;
        }
    }

    private async Task PostAsync(List<Notice> batch, CancellationToken cancellationToken)
    {
        try
        {
            var text = batch.Count == 1
                ? batch[0].Sentence
                : $"{batch.Count} cases need you after their threshold decision:\n\n{string.Join("\n\n", batch.Select(n => n.Sentence))}";
            var reached = await alerts.AlertAsync(text, cancellationToken).ConfigureAwait(false);
            batch.ForEach(n => n.Sent.TrySetResult(reached));
        }
        catch (Exception ex)
        {
            batch.ForEach(n => n.Sent.TrySetException(ex));
        }
    }

    private sealed record Notice(string Sentence)
    {
        public TaskCompletionSource<int> Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
