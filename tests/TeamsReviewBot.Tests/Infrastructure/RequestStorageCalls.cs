using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// A policy for the bot's <c>TableServiceClient</c> that counts every storage call, and those made
/// on the flow of the last /api/messages request (see <see cref="CountStorageCallsPerRequest"/>), so a
/// test can tell what a click's reply waited for from what ran after it.
/// </summary>
internal sealed class RequestStorageCalls : HttpPipelineSynchronousPolicy
{
    private static readonly AsyncLocal<CallCount> Current = new();
    private long _total;

    /// <summary>The calls made while the last request was handled.</summary>
    public long LastRequest { get; private set; }

    /// <summary>Every call since the bot started.</summary>
    public long Total => Interlocked.Read(ref _total);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        Current.Value?.Add();
    }

    public async Task CountAsync(Func<Task> request)
    {
        var count = new CallCount();
        Current.Value = count;
        await request();
        LastRequest = count.Calls;
    }

    private sealed class CallCount
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public void Add() => Interlocked.Increment(ref _calls);
    }
}

/// <summary>Counts, with <see cref="RequestStorageCalls"/>, the storage calls each /api/messages request makes on its own flow.</summary>
internal sealed class CountStorageCallsPerRequest(RequestStorageCalls counting) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, request) => context.Request.Path.StartsWithSegments("/api/messages") ? counting.CountAsync(() => request(context)) : request(context));
        next(app);
    };
}
