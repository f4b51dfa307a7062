using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsReviewBot.Bench;

/// <summary>Counts every request a storage client sends (retries included), so a click's storage
/// calls can be read off as calls made during a run divided by the clicks in it; and by method and
/// table, so a run shows where they went. With <see cref="ByCaller"/> (the bench's
/// TEAMSREVIEWBOT_BENCH_CALLERS=1) a transaction also names the tables its operations touch, and
/// every call names the bot's code that made it: a stack walk per call, for finding where calls go,
/// not for timing.</summary>
public sealed partial class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public bool ByCaller { get; init; } = Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_BENCH_CALLERS") == "1";

    /// <summary>"METHOD table" (the table's name as stored, with its prefix) → calls.</summary>
    public IReadOnlyDictionary<string, long> ByKind => _byKind;

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _calls);
        var kind = message.Request.Method + " " + Table(message.Request.Uri.Path);
        if (ByCaller)
        {
            kind += BatchTables(message) + " " + Caller();
        }

        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    // "/account/Table(PartitionKey='p',RowKey='r')" or "/account/$batch": the segment after the account.
    private static string Table(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var table = segments.Length > 1 ? segments[1] : path;
        var bracket = table.IndexOf('(', StringComparison.Ordinal);
        return bracket < 0 ? table : table[..bracket];
    }

    /// <summary>A transaction's operations, as "[METHOD table ×n, ...]".</summary>
    private static string BatchTables(HttpMessage message)
    {
        if (message.Request.Content is not { } content || !message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        using var body = new MemoryStream();
        content.WriteTo(body, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(body.ToArray());
        var operations = InnerRequest().Matches(text).Select(m => m.Groups[1].Value + " " + m.Groups[2].Value)
            .GroupBy(o => o).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}");
        return " [" + string.Join(", ", operations) + "]";
    }

    /// <summary>The bot's innermost three frames on the stack (an async method's continuation shows only what ran since it resumed).</summary>
    private static string Caller() => string.Join(" < ", new System.Diagnostics.StackTrace().GetFrames()
        .Select(f => f.GetMethod())
        .Select(m => (Type: m?.DeclaringType is { } t && t.Name.StartsWith('<') ? t.DeclaringType : m?.DeclaringType, Method: m?.DeclaringType is { } d && d.Name.StartsWith('<') ? d.Name.Split('>')[0].TrimStart('<') : m?.Name))
        .Where(f => f.Type?.Namespace?.StartsWith("TeamsReviewBot.", StringComparison.Ordinal) == true && f.Type.Namespace?.StartsWith("TeamsReviewBot.Bench", StringComparison.Ordinal) == false)
        .Select(f => f.Type!.Name + "." + f.Method)
        .Distinct()
        .Take(Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_BENCH_CALLER_DEPTH") is { } depth ? int.Parse(depth, System.Globalization.CultureInfo.InvariantCulture) : 3));

    [GeneratedRegex(@"(?m)^(POST|PUT|PATCH|MERGE|DELETE|GET) https?://[^/\s]+/(?:[^/\s]+/)?([A-Za-z0-9]+)")]
    private static partial Regex InnerRequest();
}
