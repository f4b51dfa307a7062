using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsReviewBot.Storage;

/// <summary>Healthy when the table service answers a query within the request's time.</summary>
public sealed class StorageHealthCheck(StorageTables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await foreach (var _ in tables.Service.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).ConfigureAwait(false))
            {
                break;
            }

            return HealthCheckResult.Healthy("Table storage is reachable.");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("Table storage is not reachable: " + ex.GetType().Name);
        }
    }
}
