using DocumentFormat.OpenXml.Packaging;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// Reads a filled-in GM Serious Child Safeguarding Case Notification Form (DOCX) field by field:
/// content controls, drop-downs, dates, legacy form fields and the Case Factors tick boxes, plus
/// the agencies the referrer named. Call only on a file <see cref="AttachmentScreen"/> accepted.
/// </summary>
public static class GmNotificationFormReader
{
    /// <summary>Fewer recognised fields than this and the document is not this form.</summary>
    private const int MinimumRecognisedFields = 5;

    public static FormReadResult Read(ReadOnlyMemory<byte> docx)
    {
        try
        {
            using var stream = new MemoryStream(docx.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return FormReadResult.Refused("The Word file has no document body: it is damaged.");
            }

            var walker = new FormWalker(GmNotificationForm.Sections);
            walker.Walk(body);
            var fields = ReferralFieldMatcher.Match(walker.Controls, walker.ContentControls);
            var factors = ReferralFieldMatcher.MatchFactors(walker.TickBoxes);
            var recognised = fields.Count(f => f.Reading != FieldReading.NotFound);
            if (recognised < MinimumRecognisedFields && factors.All(f => f.Ticked is null))
            {
                return FormReadResult.Refused("This Word file is not the Serious Child Safeguarding Case Notification Form: none of its fields were found.");
            }

            fields.AddRange(Agencies(walker));
            return FormReadResult.Read(new ReferralDetails("notification form (DOCX)", fields, factors));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or System.IO.InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException or ArgumentException)
        {
            return FormReadResult.Refused("The Word file is damaged and cannot be opened (" + ex.GetType().Name + ").");
        }
    }

    private static IEnumerable<ReferralField> Agencies(FormWalker walker) =>
        walker.Controls
            .Where(c => c.Section == GmNotificationForm.Agencies && !c.Control.IsEmpty)
            .Select(c => (Agency: GmNotificationForm.AgencyNames.FirstOrDefault(a => GmNotificationForm.Normalise(a) == GmNotificationForm.Normalise(c.Label)), c.Control))
            .Where(x => x.Agency is not null)
            .DistinctBy(x => x.Agency)
            .Select(x => new ReferralField("agency:" + x.Agency, GmNotificationForm.Agencies, x.Agency!, x.Control.Text, FieldReading.Read));
}

/// <summary>Either the referral's details or the reason the file was refused.</summary>
public sealed record FormReadResult(ReferralDetails? Details, string? RefusalReason)
{
    public static FormReadResult Read(ReferralDetails details) => new(details, null);

    public static FormReadResult Refused(string reason) => new(null, reason);
}
