using System.Globalization;
using TeamsReviewBot.Documents;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Export;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Export;

/// <summary>The two files of one export: the DOCX for people and the CSV for tools.</summary>
public sealed record AuditTrailExport(string CaseCode, string ExportId, int Events, byte[] Docx, byte[] Csv);

/// <summary>
/// Builds an export's files from the case as its export event left it: every event up to and
/// including the export, so the same export always makes the same rows. The child's details come
/// from the vault, and only into the DOCX of an export the event says a business manager made.
/// </summary>
public sealed class AuditTrailFiles(CaseService cases, ReferralVault vault)
{
    public static readonly IReadOnlyList<string> CsvColumns = ["sequence", "event_type", "occurred_at_utc", "occurred_at_london", "actor", "actor_role", "actor_partner", "what", "rationale"];

    public static string CsvFileName(string caseCode) => $"{caseCode} - audit trail.csv";

    /// <summary>The files for export <paramref name="exportId"/>, or null when the case has no such export.</summary>
    public async Task<AuditTrailExport?> BuildAsync(string caseCode, string exportId, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return null;
        }

        var history = await cases.HistoryAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var exportEvent = history.FirstOrDefault(e => e.Type == CaseEventTypes.AuditTrailExported && CaseJson.Read<AuditTrailExported>(e.Data).ExportId == exportId);
        if (exportEvent is null)
        {
            return null;
        }

        var exported = CaseJson.Read<AuditTrailExported>(exportEvent.Data);
        var playbook = cases.Playbooks.Get(state.Partnership);
        var rows = AuditTrailRows.From(playbook, history.Where(e => e.Sequence <= exportEvent.Sequence));
        var child = exported.ChildDetailsIncluded ? await ChildAsync(caseCode, state, cancellationToken).ConfigureAwait(false) : null;
        var cover = new AuditTrailCover(state.CaseCode, playbook.Name, exportId, $"{exported.Actor.Name} ({exported.Actor.Role.Replace('-', ' ')})", BritishDates.DateAndTime(exportEvent.OccurredAt), child);
        var docx = AuditTrailDocument.Write(cover, rows);
        var csv = Csv.Write(CsvColumns, rows.Select(r => (IReadOnlyList<string>)
        [
            r.Sequence.ToString(CultureInfo.InvariantCulture), r.EventType, r.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), r.London,
            r.ActorName, r.ActorRole, r.ActorPartner, r.What, r.Rationale,
        ]));
        return new AuditTrailExport(state.CaseCode, exportId, rows.Count, docx, csv);
    }

    private async Task<ChildDetails?> ChildAsync(string caseCode, CaseState state, CancellationToken cancellationToken) =>
        await vault.OpenAsync(caseCode, cancellationToken).ConfigureAwait(false) is { } sealedReferral
            ? SealedChildDetails.Child(sealedReferral)
            : state.Referral?.Child;
}
