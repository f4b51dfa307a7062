using System.Security.Cryptography;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// Keeps each version of a case's report. The file names the child, so it is sealed with the case's
/// key (<see cref="SealedDetailsStore"/>: encrypted, in Blob Storage beyond a table row's size, and
/// gone when the case's details are erased); the case records the version's number and SHA-256.
/// The file is sealed before the version is recorded, so a recorded version always has its file.
/// </summary>
public sealed class ReportVersionStore(SealedDetailsStore sealedDetails, CaseService cases)
{
    private static string Record(string sha256) => "report-" + sha256;

    /// <summary>Stores <paramref name="draft"/> as the case's next version (or finds it is the current one); returns the version.</summary>
    public async Task<ReportVersion> AddAsync(ReportDraft draft, string source, Actor actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await sealedDetails.SealAsync(draft.CaseCode, Record(draft.Sha256), Convert.ToBase64String(draft.Content), cancellationToken).ConfigureAwait(false);
        var state = await cases.ExecuteAsync(
            draft.CaseCode,
            (_, current, now) => ReportVersionRules.Add(current, draft.Sha256, draft.FileName, draft.Content.Length, source, actor, reason, now),
            cancellationToken).ConfigureAwait(false);
        return state.ReportVersions.Last(v => v.Sha256 == draft.Sha256);
    }

    /// <summary>The file of a recorded version, checked against its hash; null once the case's details are erased.</summary>
    public async Task<byte[]?> OpenAsync(string caseCode, ReportVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var sealedFile = await sealedDetails.OpenAsync(caseCode, Record(version.Sha256), cancellationToken).ConfigureAwait(false);
        if (sealedFile is null)
        {
            return null;
        }

        var content = Convert.FromBase64String(sealedFile);
        return Convert.ToHexStringLower(SHA256.HashData(content)) == version.Sha256
            ? content
            : throw new InvalidDataException($"Version {version.Number} of the report for {caseCode} does not match its SHA-256: it was altered or damaged.");
    }
}
