using System.Security.Cryptography;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Files;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// Keeps each version of a case's report as a blob of its own in the report versions container,
/// named "{case code}/{SHA-256 of the file}" (never the file's name, which may name the child). The
/// file names the child, so the blob holds it sealed with the case's key (<see cref="SealedDetailsStore"/>):
/// erasing the case's details makes it unreadable, and <see cref="EraseAsync"/> deletes it. The blob
/// is written before the version is recorded, so a recorded version always has its file; the case's
/// event records the hash and the blob's name. Versions recorded before versions had blobs were
/// sealed as a "report-{SHA-256}" record of the case's details: they are read from there until
/// <see cref="ReportVersionMigration"/> has copied them.
/// </summary>
public sealed class ReportVersionStore(SealedDetailsStore sealedDetails, CaseFileBlobs blobs, TableNames names, CaseService cases, CaseFollowUpSoon followUp)
{
    /// <summary>The sealed record an earlier version kept a report version in; also the sealing's associated data.</summary>
    internal const string RecordPrefix = "report-";

    internal static string Record(string sha256) => RecordPrefix + sha256;

    /// <summary>The blob of a case's version with this hash.</summary>
    public static string BlobName(string caseCode, string sha256) => $"{CaseFileBlobs.Safe(caseCode)}/{sha256}";

    /// <summary>Stores <paramref name="draft"/> as the case's next version (or finds it is the current one); returns the version.
    /// With <paramref name="agreed"/> (what the person was told it would void), nothing is stored when the case moved on since.</summary>
    public async Task<ReportVersion> AddAsync(ReportDraft draft, string source, Actor actor, string reason, CancellationToken cancellationToken, NewVersionVoids? agreed = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var blob = await PutAsync(draft.CaseCode, draft.Sha256, draft.Content, cancellationToken).ConfigureAwait(false);
        var state = await cases.ExecuteAsync(
            draft.CaseCode,
            (rules, current, now) => agreed is null
                ? ReportVersionRules.Add(current, draft.Sha256, draft.FileName, draft.Content.Length, source, actor, reason, now, blob)
                : ReportVersionRules.AddAgreed(rules.Playbook, current, agreed, draft.Sha256, draft.FileName, draft.Content.Length, source, actor, reason, now, blob),
            cancellationToken).ConfigureAwait(false);

        // A version that voids sign-offs (or the compliance check) owes the business managers a notice.
        await followUp.StartIfOwedAsync(state, cancellationToken).ConfigureAwait(false);

        return state.ReportVersions.Last(v => v.Sha256 == draft.Sha256);
    }

    /// <summary>The file of a recorded version, checked against its hash; null once the case's details are erased.</summary>
    public async Task<byte[]?> OpenAsync(string caseCode, ReportVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var content = await OpenBlobAsync(caseCode, version.Blob ?? BlobName(caseCode, version.Sha256), version.Sha256, cancellationToken).ConfigureAwait(false);
        if (content is null && await sealedDetails.OpenAsync(caseCode, Record(version.Sha256), cancellationToken).ConfigureAwait(false) is { } sealedFile)
        {
            // Sealed by an earlier version of the bot and not copied yet.
            content = Convert.FromBase64String(sealedFile);
        }

        return content is null || Sha256(content) == version.Sha256
            ? content
            : throw new InvalidDataException($"Version {version.Number} of the report for {caseCode} does not match its SHA-256: it was altered or damaged.");
    }

    /// <summary>Deletes every stored version of the case; returns how many blobs went.</summary>
    public Task<int> EraseAsync(string caseCode, CancellationToken cancellationToken) =>
        blobs.DeleteFolderAsync(names.ReportVersionContainer, CaseFileBlobs.Safe(caseCode), cancellationToken: cancellationToken);

    /// <summary>Seals <paramref name="content"/> with the case's key into its blob; returns the blob's name.</summary>
    internal async Task<string> PutAsync(string caseCode, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var name = BlobName(caseCode, sha256);
        var sealedBytes = await sealedDetails.SealBytesAsync(caseCode, Record(sha256), content, cancellationToken).ConfigureAwait(false);
        await blobs.PutAtAsync(names.ReportVersionContainer, name, sealedBytes, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>The blob opened with the case's key; null when there is no such blob or the key is erased.</summary>
    internal async Task<byte[]?> OpenBlobAsync(string caseCode, string name, string sha256, CancellationToken cancellationToken)
    {
        var sealedBytes = await blobs.GetStoredAsync(names.ReportVersionContainer, name, cancellationToken).ConfigureAwait(false);
        return sealedBytes is null ? null : await sealedDetails.OpenBytesAsync(caseCode, Record(sha256), sealedBytes, cancellationToken).ConfigureAwait(false);
    }

    internal static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
