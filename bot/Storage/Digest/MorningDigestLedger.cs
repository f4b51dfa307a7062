using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage.Digest;

/// <summary>
/// One row per (day, business manager), written with AddEntity (If-None-Match: *) before the morning
/// digest is sent: of two instances or two firings of the timer, only the one whose insert succeeds
/// sends. A send that fails gives the row back so the timer's retry can send it; a person the bot
/// cannot reach keeps the row with the reason, so the failure is not repeated every retry.
/// Kept in the idempotency table (its own partition per day), which every instance already has.
/// </summary>
public sealed class MorningDigestLedger(StorageTables tables, TimeProvider time)
{
    private readonly IdempotencyStore _claims = new(tables, time);

    private static string Partition(DateOnly day) => $"morning-digest|{day:yyyy-MM-dd}";

    /// <summary>True for the one caller that may send this person's digest for <paramref name="day"/>
    /// (a claim whose answer was lost is still this caller's: see <see cref="IdempotencyStore"/>).</summary>
    public Task<bool> TryClaimAsync(DateOnly day, string aadObjectId, CancellationToken cancellationToken) =>
        _claims.TryClaimAsync(Partition(day), aadObjectId, cancellationToken);

    /// <summary>Records how the claimed send ended: delivered, or why it could not be.</summary>
    public async Task RecordAsync(DateOnly day, string aadObjectId, string? failure, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Idempotency, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(Partition(day), IdempotencyStore.KeySafe(aadObjectId)) { ["SentAt"] = time.GetUtcNow(), ["Failure"] = failure },
            TableUpdateMode.Merge,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the claim back after a send that threw, so a retry may send.</summary>
    public async Task ReleaseAsync(DateOnly day, string aadObjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Idempotency, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(Partition(day), IdempotencyStore.KeySafe(aadObjectId), ETag.All, cancellationToken).ConfigureAwait(false);
    }
}
