using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// Copies the report versions an earlier version of the bot sealed as records of the case's details
/// ("report-{SHA-256}" rows, see <see cref="ReportVersionStore"/>) into blobs of their own. For each:
/// the record is opened and checked against the hash in its name, sealed again with the case's key
/// into its blob, the blob is read back, opened and checked, and only then does the old record go.
/// A crash at any point leaves either the old record, still read as before, or a checked blob;
/// running again finishes the rest. Once every record is copied a marker says so, and later starts
/// do nothing. A record that does not open to its hash is left as it is and named in the result,
/// and the marker waits for it.
/// </summary>
public sealed class ReportVersionMigration(SealedDetailsStore sealedDetails, ReportVersionStore versions, IdempotencyStore markers)
{
    private const string MarkerScope = "migration";
    private const string MarkerKey = "report-versions-to-blobs";

    public async Task<ReportVersionMigrationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        if (await markers.WasClaimedAsync(MarkerScope, MarkerKey, cancellationToken).ConfigureAwait(false))
        {
            return new ReportVersionMigrationResult(0, [], AlreadyDone: true);
        }

        var copied = 0;
        var damaged = new List<string>();
        foreach (var (caseCode, record) in await sealedDetails.RecordsAsync(ReportVersionStore.RecordPrefix, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await CopyAsync(caseCode, record, cancellationToken).ConfigureAwait(false))
                {
                    copied++;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Security.Cryptography.CryptographicException)
            {
                damaged.Add($"{caseCode} {record}");
            }
        }

        if (damaged.Count == 0)
        {
            await markers.TryClaimAsync(MarkerScope, MarkerKey, cancellationToken).ConfigureAwait(false);
        }

        return new ReportVersionMigrationResult(copied, damaged, AlreadyDone: false);
    }

    private async Task<bool> CopyAsync(string caseCode, string record, CancellationToken cancellationToken)
    {
        var sha256 = record[ReportVersionStore.RecordPrefix.Length..];
        if (await sealedDetails.OpenAsync(caseCode, record, cancellationToken).ConfigureAwait(false) is not { } sealedFile)
        {
            // The case's key is erased: nothing of it can be read, and erasure removes what is left.
            return false;
        }

        var content = Convert.FromBase64String(sealedFile);
        if (ReportVersionStore.Sha256(content) != sha256)
        {
            throw new InvalidDataException($"The stored report version {record} of {caseCode} does not match its SHA-256.");
        }

        var blob = await versions.PutAsync(caseCode, sha256, content, cancellationToken).ConfigureAwait(false);
        var readBack = await versions.OpenBlobAsync(caseCode, blob, sha256, cancellationToken).ConfigureAwait(false);
        if (readBack is null || ReportVersionStore.Sha256(readBack) != sha256)
        {
            throw new InvalidDataException($"The copy of report version {record} of {caseCode} did not read back whole.");
        }

        await sealedDetails.DeleteRecordAsync(caseCode, record, cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <param name="Copied">Versions copied to a blob by this run.</param>
/// <param name="Damaged">Versions ("case code record") whose old record did not open to its hash: left as they are.</param>
/// <param name="AlreadyDone">The marker said every version was copied before; nothing was looked at.</param>
public sealed record ReportVersionMigrationResult(int Copied, IReadOnlyList<string> Damaged, bool AlreadyDone);
