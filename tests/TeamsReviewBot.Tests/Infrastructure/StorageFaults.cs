using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// Storage misbehaving as it does under load, inside the real Azure SDK pipeline of the bot's
/// TableServiceClient (a per-try policy, so the SDK's own retries see each fault): a request whose
/// answer is lost after Azurite stored it (the client's timeout firing), a request refused with 503
/// (a batch: timed out) before it reaches Azurite, or every call failing for a while after a case's
/// events are appended.
/// Faults are armed by a test and each fires a set number of times.
/// </summary>
public sealed class StorageFaults : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private int _loseAppendAnswers;
    private int _refuseAppends;
    private int _failAfterAppend;
    private int _failing;
    private Func<HttpMessage, bool> _failWhich = _ => true;

    /// <summary>How many requests the faults failed, in all.</summary>
    public int Fired { get; private set; }

    /// <summary>The next append(s) of case events are stored, but their answers are lost as a timeout.</summary>
    public void LoseNextAppendAnswers(int count = 1)
    {
        lock (_gate)
        {
            _loseAppendAnswers = count;
        }
    }

    /// <summary>The next call <paramref name="which"/> picks is stored, and its answer lost as a timeout
    /// (the SDK then retries it, and the retry meets what the first try stored).</summary>
    public void LoseNextAnswer(Func<HttpMessage, bool> which)
    {
        lock (_gate)
        {
            _loseWhich = which;
        }
    }

    private Func<HttpMessage, bool>? _loseWhich;

    /// <summary>The next <paramref name="count"/> appends of case events are refused with 503 before reaching storage.</summary>
    public void RefuseNextAppends(int count)
    {
        lock (_gate)
        {
            _refuseAppends = count;
        }
    }

    /// <summary>Once the next append of case events is stored, the <paramref name="count"/> calls after
    /// it that <paramref name="which"/> picks (all, by default) time out.</summary>
    public void FailCallsAfterNextAppend(int count, Func<HttpMessage, bool>? which = null)
    {
        lock (_gate)
        {
            _failAfterAppend = count;
            _failWhich = which ?? (_ => true);
        }
    }

    /// <summary>From now, each call <paramref name="which"/> picks fails with probability <paramref name="rate"/>
    /// (as a lost answer after storing, or a 503 before): storage struggling under load.</summary>
    public void Flaky(double rate, Func<HttpMessage, bool>? which = null, int seed = 7)
    {
        lock (_gate)
        {
            _flakyRate = rate;
            _flakyWhich = which ?? (_ => true);
            _random = new Random(seed);
        }
    }

    private double _flakyRate;
    private Func<HttpMessage, bool> _flakyWhich = _ => false;
    private Random _random = new(7);

    /// <summary>Stops every fault.</summary>
    public void Calm()
    {
        lock (_gate)
        {
            _loseAppendAnswers = _refuseAppends = _failAfterAppend = _failing = 0;
            _flakyRate = 0;
            _loseWhich = null;
        }
    }

    /// <summary>Puts this policy into the bot's TableServiceClient (registered after the bot's own, so it wins).</summary>
    public Action<IServiceCollection> Into(string connectionString) => services => services.AddSingleton(_ => Client(connectionString));

    /// <summary>The bot's tables under <paramref name="prefix"/>, reached through <see cref="Client"/>.</summary>
    public TeamsReviewBot.Storage.StorageTables Tables(string connectionString, string prefix) =>
        new(Client(connectionString), new TeamsReviewBot.Storage.TableNames(prefix));

    /// <summary>A table client as the bot configures its own, with this policy inside its pipeline.</summary>
    public TableServiceClient Client(string connectionString)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return new TableServiceClient(connectionString, options);
    }

    /// <summary>Whether a request writes a row of the table named <paramref name="table"/> (without its prefix)
    /// with <paramref name="method"/>, its body holding <paramref name="holding"/> when given.</summary>
    public static bool Writes(HttpMessage message, RequestMethod method, string table, string? holding = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        return message.Request.Method == method
            && (path.EndsWith(table, StringComparison.Ordinal) || path.Contains(table + "(", StringComparison.Ordinal))
            && (holding is null || BodyOf(message).Contains(holding, StringComparison.Ordinal));
    }

    /// <summary>Whether a request appends case events (one row, or a batch of them).</summary>
    public static bool IsEventAppend(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Request.Method != RequestMethod.Post)
        {
            return false;
        }

        var path = message.Request.Uri.Path;
        if (path.EndsWith("CaseEvents", StringComparison.Ordinal))
        {
            return true;
        }

        return path.EndsWith("$batch", StringComparison.Ordinal) && BodyOf(message).Contains("CaseEvents", StringComparison.Ordinal);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The bot calls storage asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var append = IsEventAppend(message);
        bool refuse = false, loseAnswer = false, failNow = false, flaky = false, flakyBefore = false;
        lock (_gate)
        {
            if (_failing > 0 && _failWhich(message))
            {
                _failing--;
                failNow = true;
            }
            else if (append && _refuseAppends > 0)
            {
                _refuseAppends--;
                refuse = true;
            }
            else if (_loseWhich is { } lose && lose(message))
            {
                _loseWhich = null;
                loseAnswer = true;
            }
            else if (append && _loseAppendAnswers > 0)
            {
                _loseAppendAnswers--;
                loseAnswer = true;
            }
            else if (_flakyRate > 0 && _flakyWhich(message) && _random.NextDouble() < _flakyRate)
            {
                flaky = true;
                flakyBefore = _random.Next(2) == 0;
            }

            if (failNow || refuse || loseAnswer || flaky)
            {
                Fired++;
            }
        }

        if (failNow)
        {
            throw Timeout();
        }

        if (refuse || (flaky && flakyBefore))
        {
            // A batch's answer is a multipart body the SDK parses, so a busy store is shown to it as a
            // request that never got through (timed out before reaching storage).
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                throw Timeout();
            }

            message.Response = new ServiceUnavailable();
            return;
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        if (loseAnswer || flaky)
        {
            throw Timeout();
        }

        if (append && message.Response.Status is >= 200 and < 300)
        {
            lock (_gate)
            {
                if (_failAfterAppend > 0)
                {
                    _failing = _failAfterAppend;
                    _failAfterAppend = 0;
                }
            }
        }
    }

    // What the SDK throws when Retry.NetworkTimeout passes: a cancellation nobody asked for.
    private static TaskCanceledException Timeout() =>
        new("The operation was cancelled because it exceeded the configured timeout of 0:00:10. Network timeout can be adjusted in ClientOptions.Retry.NetworkTimeout property.");

    private static string BodyOf(HttpMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return string.Empty;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A 503 as storage sends it when it is busy.</summary>
    private sealed class ServiceUnavailable : Response
    {
        public override int Status => 503;

        public override string ReasonPhrase => "Server Busy";

        public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes("{\"odata.error\":{\"code\":\"ServerBusy\",\"message\":{\"lang\":\"en-US\",\"value\":\"The server is busy.\"}}}"));

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
