using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsReviewBot.Bench;

/// <summary>Counts every request a storage client sends (retries included), so a click's storage
/// calls can be read off as calls made during a run divided by the clicks in it; and by method and
/// table, so a run shows where they went.</summary>
public sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>"METHOD table" (the table's name as stored, with its prefix) → calls.</summary>
    public IReadOnlyDictionary<string, long> ByKind => _byKind;

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _calls);
        _byKind.AddOrUpdate(message.Request.Method + " " + Table(message.Request.Uri.Path), 1, (_, n) => n + 1);
    }

    // "/account/Table(PartitionKey='p',RowKey='r')" or "/account/$batch": the segment after the account.
    private static string Table(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var table = segments.Length > 1 ? segments[1] : path;
        var bracket = table.IndexOf('(', StringComparison.Ordinal);
        return bracket < 0 ? table : table[..bracket];
    }
}
