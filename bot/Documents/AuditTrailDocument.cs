using System.Globalization;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Export;

namespace TeamsReviewBot.Documents;

/// <summary>What heads an exported audit trail: the case, who exported it and when, and the child's
/// details only when a business manager asked (else null).</summary>
public sealed record AuditTrailCover(string CaseCode, string Partnership, string ExportId, string ExportedBy, string ExportedAt, ChildDetails? Child);

/// <summary>
/// The audit trail of a case as a Word document for people (an inspector, the partnership's
/// executive): a cover with the case and the export, then every event in a table with when, who,
/// what and why. The CSV export holds the same rows for tools.
/// </summary>
public static class AuditTrailDocument
{
    public static readonly IReadOnlyList<string> Columns = ["#", "When (London)", "Who", "Role", "Partner", "What happened", "Rationale"];

    public static string FileName(string caseCode) => $"{caseCode} - audit trail.docx";

    public static byte[] Write(AuditTrailCover cover, IReadOnlyList<AuditTrailRow> rows)
    {
        ArgumentNullException.ThrowIfNull(cover);
        ArgumentNullException.ThrowIfNull(rows);
        var writer = new WordWriter()
            .Heading($"Audit trail – {cover.CaseCode}")
            .Field("Partnership", cover.Partnership)
            .Field("Exported by", cover.ExportedBy)
            .Field("Exported at", cover.ExportedAt)
            .Field("Export reference", cover.ExportId)
            .Field("Events", rows.Count.ToString(CultureInfo.InvariantCulture));

        writer.Subheading("The child");
        if (cover.Child is { } child)
        {
            writer.Paragraph("Confidential: this copy holds the child's details because a business manager exported it.", italic: true)
                .Field("Child's name", child.Name)
                .Field("Date of birth", child.DateOfBirth is { } born ? Process.Calendar.BritishDates.Date(born) : "not recorded")
                .Field("Address", child.Address);
        }
        else
        {
            writer.Paragraph("The child's details are left out of this copy: only a business manager's export holds them.", italic: true);
        }

        writer.Subheading("Events, oldest first")
            .Table(Columns, rows.Select(r => (IReadOnlyList<string>)[r.Sequence.ToString(CultureInfo.InvariantCulture), r.London, r.ActorName, r.ActorRole, r.ActorPartner, r.What, r.Rationale]));
        return writer.ToBytes();
    }
}
