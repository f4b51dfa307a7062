using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// The cases whose follow-up this instance is to carry out next, each once however often it was
/// owed meanwhile. Only a signal: what is owed is recorded durably with the append itself, so a
/// case lost from here (the instance stopped) is found again by the worker's sweep.
/// </summary>
public sealed class PendingCaseFollowUps(IOptions<CaseFollowUpOptions> options)
{
    private readonly Channel<string> _cases = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
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

    /// <summary>A worker starts on the case: owing it again from now on queues it again.</summary>
    internal void Started(string caseCode)
    {
        lock (_gate)
        {
            _queued.Remove(caseCode);
        }
    }

    internal void Finished()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_outstanding == 0)
            {
                idle = _idle;
            }
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
