using Azure;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Tells a failure of the storage client (an error answer, its own network timeout, its retries
/// given up) from the caller giving up. After such a failure a write may or may not have landed:
/// the Azure SDK cancels a request that outlives Retry.NetworkTimeout with a TaskCanceledException
/// and, once its retries are spent, throws them together in an AggregateException.
/// </summary>
public static class StorageFailures
{
    public static bool IsStorageFailure(Exception exception, CancellationToken callerToken) => exception switch
    {
        RequestFailedException or TimeoutException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(e => IsStorageFailure(e, callerToken)),
        _ => false,
    };
}
