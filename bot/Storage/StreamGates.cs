namespace TeamsReviewBot.Storage;

/// <summary>
/// One append at a time per stream within this instance. Two appends to one case from the same
/// instance (a referral's acknowledgement and its panel thread's record, two panel members voting at
/// once) would otherwise both be decided on the same view, and one would collide, read the stream
/// and decide again: a failed transaction and a read that the second append, waiting its turn,
/// does not need. Across instances the append's own check on the stream still decides.
/// </summary>
internal sealed class StreamGates
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Waits for the stream's turn; disposing the answer gives it to the next caller.</summary>
    public async ValueTask<Turn> EnterAsync(string streamId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(streamId, out gate!))
            {
                gate = new Gate();
                _gates[streamId] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(streamId, gate, entered: false);
            throw;
        }

        return new Turn(this, streamId, gate);
    }

    // A gate is kept only while someone holds or waits for it, so the map holds the streams being appended to now.
    private void Leave(string streamId, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }

        lock (_lock)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(streamId);
                gate.Semaphore.Dispose();
            }
        }
    }

    internal sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Callers holding or waiting for the gate; changed only under the map's lock.</summary>
        public int Users { get; set; }
    }

    /// <summary>A stream's turn, held until disposed.</summary>
    public readonly struct Turn(StreamGates gates, string streamId, Gate gate) : IDisposable
    {
        public void Dispose() => gates.Leave(streamId, gate, entered: true);
    }
}
