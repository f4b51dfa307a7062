using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Records that a piece of work keyed by (scope, key) has been done, once, across all instances:
/// the first caller's insert succeeds, every later one collides.
/// </summary>
public sealed class IdempotencyStore(StorageTables tables, TimeProvider time)
{
    /// <summary>True the first time (scope, key) is claimed, false every time after.</summary>
    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        (await TryAddAsync(scope, key, null, cancellationToken).ConfigureAwait(false)).Claimed;

    /// <summary>
    /// Claims (scope, key) with <paramref name="value"/>; when it was claimed already, returns the
    /// value the first claim stored, so every caller goes on with the same one.
    /// </summary>
    public async Task<string> ClaimWithValueAsync(string scope, string key, string value, CancellationToken cancellationToken = default)
    {
        var (claimed, stored) = await TryAddAsync(scope, key, value, cancellationToken).ConfigureAwait(false);
        return claimed ? value : stored ?? value;
    }

    /// <summary>The value stored with (scope, key); null when unclaimed, empty when claimed without one.</summary>
    public async Task<string?> ValueAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Idempotency, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(scope, KeySafe(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? row.Value.GetString("Value") ?? string.Empty : null;
    }

    public async Task<bool> WasClaimedAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        await ValueAsync(scope, key, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Inserts the claim; on a collision the one read <see cref="OwnWrites"/> makes both returns the
    /// value stored and tells another caller's claim from this one's (stored, its answer lost).
    /// </summary>
    private async Task<(bool Claimed, string? Stored)> TryAddAsync(string scope, string key, string? value, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Idempotency, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(scope, KeySafe(key)) { ["ClaimedAt"] = time.GetUtcNow(), ["Claim"] = OwnWrites.NewToken() };
        if (value is not null)
        {
            entity["Value"] = value;
        }

        var write = await OwnWrites.AddAsync(table, entity, "Claim", cancellationToken).ConfigureAwait(false);
        return write.Ours ? (true, value) : (false, write.Current is { } stored ? stored.GetString("Value") ?? string.Empty : null);
    }

    /// <summary>Row keys may not hold / \ # ? or control characters; message ids such as
    /// &lt;abc/def@host&gt; do, so such keys (and very long ones) are stored as their SHA-256 digest.</summary>
    internal static string KeySafe(string key) =>
        key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)) || key.Length > 512
            ? "b64-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))).Replace('/', '_').Replace('+', '-')
            : key;
}
