using System.Text.Json;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Files;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>A file attached in chat and held until the person who attached it says whether it becomes
/// the next version: who attached it (their Entra object id), when, what it would void as they were
/// told, and the file itself.</summary>
public sealed record HeldReportVersion(string CaseCode, string Sha256, string AttachedByObjectId, string AttachedByName, DateTimeOffset HeldAt, NewVersionVoids Voids, byte[] Content)
{
    public DateTimeOffset HeldUntil => HeldAt + HeldReportVersions.HoldFor;
}

/// <summary>
/// Keeps a file attached in chat, that would void sign-offs, until its sender confirms or declines it:
/// a blob in the report versions container named "{case code}/held/{SHA-256}" (never the file's name,
/// which may name the child), sealed with the case's key as the versions are, so erasing the case's
/// details makes it unreadable and <see cref="ReportVersionStore.EraseAsync"/> deletes it with them.
/// A durable timer deletes it after <see cref="HoldFor"/>; reading it after then finds nothing.
/// </summary>
public sealed class HeldReportVersions(SealedDetailsStore sealedDetails, CaseFileBlobs blobs, TableNames names, DurableTimerStore timers, TimeProvider time)
{
    /// <summary>How long a held file waits for its sender's answer.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromDays(7);

    public const string ExpiryTimerKind = "report-held-expiry";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string BlobName(string caseCode, string sha256) => $"{CaseFileBlobs.Safe(caseCode)}/held/{sha256}";

    public static string ExpiryTimerId(string caseCode, string sha256) => $"{caseCode}:report-held:{sha256}";

    /// <summary>Holds the file (a second attachment of the same file replaces the first) and sets its deletion.</summary>
    public async Task<HeldReportVersion> HoldAsync(string caseCode, string sha256, byte[] content, Actor attachedBy, NewVersionVoids voids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachedBy);
        var held = new HeldReportVersion(caseCode, sha256, attachedBy.ObjectId, attachedBy.Name, time.GetUtcNow(), voids, content);
        var record = new HeldRecord(held.AttachedByObjectId, held.AttachedByName, held.HeldAt, voids, content);
        var sealedBytes = await sealedDetails.SealBytesAsync(caseCode, Record(sha256), JsonSerializer.SerializeToUtf8Bytes(record, Json), cancellationToken).ConfigureAwait(false);
        await blobs.PutAtAsync(names.ReportVersionContainer, BlobName(caseCode, sha256), sealedBytes, cancellationToken).ConfigureAwait(false);
        await timers.ScheduleAsync(new DurableTimer(ExpiryTimerId(caseCode, sha256), ExpiryTimerKind, caseCode, held.HeldUntil, JsonSerializer.Serialize(new ExpiryPayload(sha256), Json)), cancellationToken).ConfigureAwait(false);
        return held;
    }

    /// <summary>The held file; null when there is none, it was held longer than <see cref="HoldFor"/> (then it is deleted), or the case's details are erased.</summary>
    public async Task<HeldReportVersion?> FindAsync(string caseCode, string sha256, CancellationToken cancellationToken)
    {
        var sealedBytes = await blobs.GetStoredAsync(names.ReportVersionContainer, BlobName(caseCode, sha256), cancellationToken).ConfigureAwait(false);
        if (sealedBytes is null || await sealedDetails.OpenBytesAsync(caseCode, Record(sha256), sealedBytes, cancellationToken).ConfigureAwait(false) is not { } opened)
        {
            return null;
        }

        var record = JsonSerializer.Deserialize<HeldRecord>(opened, Json) ?? throw new InvalidDataException($"A held report file for {caseCode} is empty.");
        if (ReportVersionStore.Sha256(record.File) != sha256)
        {
            throw new InvalidDataException($"A held report file for {caseCode} does not match its SHA-256: it was altered or damaged.");
        }

        var held = new HeldReportVersion(caseCode, sha256, record.AttachedByObjectId, record.AttachedByName, record.HeldAt, record.Voids, record.File);
        if (held.HeldUntil <= time.GetUtcNow())
        {
            // Its expiry timer has fired or is firing (this may be it): only the file goes here.
            await blobs.DeleteAsync(names.ReportVersionContainer, BlobName(caseCode, sha256), cancellationToken).ConfigureAwait(false);
            return null;
        }

        return held;
    }

    /// <summary>Deletes the held file and its deletion timer; nothing held is no error.</summary>
    public async Task ReleaseAsync(string caseCode, string sha256, CancellationToken cancellationToken)
    {
        await blobs.DeleteAsync(names.ReportVersionContainer, BlobName(caseCode, sha256), cancellationToken).ConfigureAwait(false);
        await timers.CancelAsync(caseCode, ExpiryTimerId(caseCode, sha256), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SHA-256 an expiry timer is for.</summary>
    public static string? ShaOf(DurableTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return JsonSerializer.Deserialize<ExpiryPayload>(timer.Payload, Json)?.Sha256;
    }

    /// <summary>The sealing's associated data: binds the sealed bytes to this case and hash.</summary>
    private static string Record(string sha256) => "held-report-" + sha256;

    private sealed record HeldRecord(string AttachedByObjectId, string AttachedByName, DateTimeOffset HeldAt, NewVersionVoids Voids, byte[] File);

    private sealed record ExpiryPayload(string Sha256);
}
