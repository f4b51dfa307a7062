using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// The cases whose follow-up this instance is to carry out next, each once however often it was
/// owed meanwhile. Only a signal: what is owed is recorded durably with the append itself, so a
/// case lost from here (the instance stopped) is found again by the worker's sweep. A case is
/// followed up by one worker at a time: owed again while it runs (its own follow-up appended, say
/// the referrer's letter recorded), it is queued again once that run ends, never run beside it, so
/// a step checked on the stream is not taken twice at once.
/// </summary>
public sealed class PendingCaseFollowUps(IOptions<CaseFollowUpOptions> options)
{
    private readonly Channel<string> _cases = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _again = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _outstanding;
    private TaskCompletionSource _idle = Completed();

    public bool RunBeforeReply => options.Value.RunBeforeReply;

    internal ChannelReader<string> Reader => _cases.Reader;

    /// <summary>How many cases wait or are being followed up.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _outstanding;
            }
        }
    }

    public void Owe(string caseCode)
    {
        lock (_gate)
        {
            if (_running.Contains(caseCode))
            {
                _again.Add(caseCode);
                return;
            }

            if (!_queued.Add(caseCode))
            {
                return;
            }

            if (_outstanding++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        _cases.Writer.TryWrite(caseCode);
    }

    /// <summary>
    /// Completes once nothing is queued or running: for a host (or a test) that must see every
    /// follow-up of what it did in place before it looks.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Whether a worker of this instance is following the case up right now.</summary>
    public bool IsRunning(string caseCode)
    {
        lock (_gate)
        {
            return _running.Contains(caseCode);
        }
    }

    /// <summary>A worker starts on the case: owing it again from now on queues it again once this run ends.</summary>
    internal void Started(string caseCode)
    {
        lock (_gate)
        {
            _queued.Remove(caseCode);
            _running.Add(caseCode);
        }
    }

    /// <summary>
    /// The running follow-up is about to complete the row that holds every append so far (its own
    /// steps' records included): owing it again before now needs no second run. An append after this
    /// owes it again as usual (and changes the row, so the completion itself looks again).
    /// </summary>
    internal void CoveredSoFar(string caseCode)
    {
        lock (_gate)
        {
            _again.Remove(caseCode);
        }
    }

    internal void Finished(string caseCode)
    {
        TaskCompletionSource? idle = null;
        var again = false;
        lock (_gate)
        {
            _running.Remove(caseCode);
            if (_again.Remove(caseCode))
            {
                // Still outstanding: the same case, queued again.
                _queued.Add(caseCode);
                again = true;
            }
            else if (--_outstanding == 0)
            {
                idle = _idle;
            }
        }

        if (again)
        {
            _cases.Writer.TryWrite(caseCode);
        }

        idle?.TrySetResult();
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
