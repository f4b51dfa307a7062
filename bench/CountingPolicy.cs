using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsReviewBot.Bench;

/// <summary>Counts every request a storage client sends (retries included), so a click's storage
/// calls can be read off as calls made during a run divided by the clicks in it.</summary>
public sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _calls);
}
