using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// Reads a filled-in referral form (DOCX) field by field: content controls, drop-downs, dates,
/// legacy form fields and tick boxes, plus the agencies the referrer named. Every known form is
/// tried and the one with the most fields found wins (the GM Serious Child Safeguarding Case
/// Notification Form, the Practice Review referral form, the Case for Consideration form).
/// Call only on a file <see cref="AttachmentScreen"/> accepted.
/// </summary>
public static class ReferralFormReader
{
    /// <summary>Fewer recognised fields than this and the document is not this form.</summary>
    private const int MinimumRecognisedFields = 5;

    public static FormReadResult Read(ReadOnlyMemory<byte> docx)
    {
        try
        {
            // Only the document part, streamed into light nodes: no typed tree, no other part read.
            if (WordPackage.ReadBody(docx) is not { } body)
            {
                return FormReadResult.Refused("The Word file has no document body: it is damaged.");
            }

            ReferralDetails? best = null;
            var bestScore = 0;
            var read = new FormWalker.Document();
            foreach (var form in ReferralFormDefinition.Known)
            {
                var walker = new FormWalker(form.Sections, read);
                walker.Walk(body);
                var fields = ReferralFieldMatcher.Match(form, walker.Controls, walker.ContentControls);
                var factors = ReferralFieldMatcher.MatchFactors(form, walker.TickBoxes);
                var score = fields.Count(f => f.Reading != FieldReading.NotFound) + factors.Count(f => f.Ticked is not null);
                if (score > bestScore && fields.Count(f => f.Reading != FieldReading.NotFound) >= Math.Min(MinimumRecognisedFields, form.Fields.Count))
                {
                    fields.AddRange(Agencies(form, walker));
                    best = new ReferralDetails(form.Name + " (DOCX)", fields, factors);
                    bestScore = score;
                }
            }

            return best is null
                ? FormReadResult.Refused("This Word file is not a referral form we know: none of its fields were found.")
                : FormReadResult.Read(best);
        }
        catch (Exception ex) when (ex is System.IO.InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException or ArgumentException)
        {
            return FormReadResult.Refused("The Word file is damaged and cannot be opened (" + ex.GetType().Name + ").");
        }
    }

    private static IEnumerable<ReferralField> Agencies(ReferralFormDefinition form, FormWalker walker) =>
        walker.Controls
            .Where(c => c.Section == form.AgenciesSection && !c.ByColumn && !c.Control.IsEmpty)
            .Select(c => (Agency: form.AgencyNames.FirstOrDefault(a => FormText.Normalise(a) == FormText.Normalise(c.Label)), c.Control))
            .Where(x => x.Agency is not null)
            .DistinctBy(x => x.Agency)
            .Select(x => new ReferralField("agency:" + x.Agency, form.AgenciesSection!, x.Agency!, x.Control.Text, FieldReading.Read));
}

/// <summary>Either the referral's details or the reason the file was refused.</summary>
public sealed record FormReadResult(ReferralDetails? Details, string? RefusalReason)
{
    public static FormReadResult Read(ReferralDetails details) => new(details, null);

    public static FormReadResult Refused(string reason) => new(null, reason);
}
