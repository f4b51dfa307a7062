using System.Text.Json;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// A case's sealed details: the referral's child's details and free text, and the child reference
/// the information-request letters carry, kept encrypted apart from the case streams. Sealed before the case records the referral (so the stream never
/// points at nothing), opened only for someone allowed to see it, erased by deleting the case's key.
/// </summary>
public sealed class ReferralVault(SealedDetailsStore store)
{
    private const string ChildReferenceRecord = "childReference";

    /// <summary>Seals the referral of a case being opened: its key and the record in one write (see <see cref="SealedDetailsStore.SealFirstAsync"/>).</summary>
    public Task SealAsync(string caseCode, SealedReferral referral, CancellationToken cancellationToken) =>
        store.SealFirstAsync(caseCode, SealedReferral.Record, JsonSerializer.Serialize(referral, CaseJson.Options), cancellationToken);

    /// <summary>The sealed referral, or null when the case has none (recorded before sealing, or erased).</summary>
    public async Task<SealedReferral?> OpenAsync(string caseCode, CancellationToken cancellationToken)
    {
        var json = await store.OpenAsync(caseCode, SealedReferral.Record, cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<SealedReferral>(json, CaseJson.Options);
    }

    /// <summary>Seals the child reference the information-request letters carry (initials and date of birth).</summary>
    public Task SealChildReferenceAsync(string caseCode, string childReference, CancellationToken cancellationToken) =>
        store.SealAsync(caseCode, ChildReferenceRecord, childReference, cancellationToken);

    /// <summary>The letters' child reference, or null when none was sealed (chosen before sealing, or erased).</summary>
    public Task<string?> ChildReferenceAsync(string caseCode, CancellationToken cancellationToken) =>
        store.OpenAsync(caseCode, ChildReferenceRecord, cancellationToken);

    /// <summary>Erases the case's sealed details: its key, rows and blobs.</summary>
    public Task<int> EraseAsync(string caseCode, CancellationToken cancellationToken) => store.EraseAsync(caseCode, cancellationToken);
}
