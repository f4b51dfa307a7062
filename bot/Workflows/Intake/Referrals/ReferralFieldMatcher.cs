using System.Globalization;
using System.Text.RegularExpressions;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// Turns labelled controls into the form's fields: by content-control tag first, then by label in
/// the field's own section, then (for labels printed once on the whole form) by label anywhere.
/// Dates must read as dates and e-mail addresses as addresses; anything else is flagged, not guessed.
/// </summary>
internal static partial class ReferralFieldMatcher
{
    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "d MMMM yyyy", "d MMM yyyy", "dddd d MMMM yyyy", "dddd, d MMMM yyyy",
        "dd.MM.yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d MMMM, yyyy",
    ];

    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public static List<ReferralField> Match(ReferralFormDefinition form, IReadOnlyList<LabelledControl> controls, IReadOnlyList<FormControl> tagged)
    {
        var labelCounts = form.Fields
            .GroupBy(f => FormText.Normalise(f.Label))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Every printed label is normalised once, not once for each field compared with it.
        var printed = controls.Select(c => (Control: c, Label: FormText.Normalise(c.Label))).ToList();
        var fields = new List<ReferralField>();
        foreach (var definition in form.Fields)
        {
            var label = FormText.Normalise(definition.Label);
            var anywhere = labelCounts[label] == 1 && label.Length > 2;
            // Labels beside a control come before labels above a column.
            var candidates = printed.Where(p => LabelMatches(definition, label, p.Label)).Select(p => p.Control).OrderBy(c => c.ByColumn).ToList();

            // A content control beats typed text; the field's own section beats a unique label elsewhere.
            var control = tagged.FirstOrDefault(c => string.Equals(c.Tag, definition.Key, StringComparison.OrdinalIgnoreCase))
                ?? candidates.FirstOrDefault(c => c.Section == definition.Section && !c.Control.IsPlainText)?.Control
                ?? candidates.FirstOrDefault(c => c.Section == definition.Section)?.Control
                ?? (anywhere ? candidates.OrderBy(c => c.Control.IsPlainText).FirstOrDefault()?.Control : null);

            fields.Add(Read(definition, control));
        }

        return fields;
    }

    public static bool LabelMatches(FormFieldDefinition definition, string printed) =>
        LabelMatches(definition, FormText.Normalise(definition.Label), FormText.Normalise(printed));

    /// <summary>As above, with the field's label and the printed one normalised already.</summary>
    private static bool LabelMatches(FormFieldDefinition definition, string label, string text) =>
        definition.LabelIsPrefix ? text.StartsWith(label, StringComparison.Ordinal) : text == label;

    private static ReferralField Read(FormFieldDefinition definition, FormControl? control)
    {
        ReferralField Field(string? value, FieldReading reading, string? note = null) =>
            new(definition.Key, definition.Section, definition.Label, value, reading, note);

        if (control is null)
        {
            return Field(null, FieldReading.NotFound, "This field is not on the form.");
        }

        if (control.IsEmpty)
        {
            return Field(null, FieldReading.NotFilledIn);
        }

        if (definition.Kind == FieldKind.Date || control.IsDate)
        {
            if (control.FullDate is not null && !control.IsPlaceholder)
            {
                return Field(control.FullDate, FieldReading.Read);
            }

            return DateTime.TryParseExact(control.Text.Trim(), DateFormats, EnglishUk, DateTimeStyles.AllowWhiteSpaces, out var date)
                ? Field(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FieldReading.Read)
                : Field(null, FieldReading.Unreadable, "Not a date the form's date picker would give.");
        }

        if (definition.Key == "referrerEmail")
        {
            var address = EmailAddress().Match(control.Text);
            return address.Success ? Field(address.Value, FieldReading.Read) : Field(null, FieldReading.Unreadable, "Not an e-mail address.");
        }

        return Field(control.Text.Trim(), FieldReading.Read);
    }

    public static List<CaseFactorReading> MatchFactors(ReferralFormDefinition form, IReadOnlyList<TickBox> boxes)
    {
        var inSection = boxes.Where(b => b.Section == form.CaseFactorsSection).ToList();
        IReadOnlyList<TickBox> candidates = inSection.Count > 0 ? inSection : boxes;
        // Each box's label normalised once, beside the box: looked up by position, not by hashing the box.
        var labelled = candidates.Select(b => (Box: b, Label: FormText.Normalise(b.Label))).ToList();
        var readings = new List<CaseFactorReading>();
        foreach (var factor in form.CaseFactors)
        {
            var name = FormText.Normalise(factor);
            var (box, boxLabel) = labelled.FirstOrDefault(b => FactorMatches(name, b.Label));
            if (box is null)
            {
                readings.Add(new CaseFactorReading(factor, null));
                continue;
            }

            string? detail = null;
            if (factor == form.CaseFactors[^1] && box.Ticked == true)
            {
                var rest = box.Label.Length > factor.Length ? boxLabel[name.Length..].Trim(' ', ':', '(', ')', '-') : string.Empty;
                detail = rest.Length > 0 && rest != "free text" ? box.Label.Trim()[^rest.Length..] : box.FollowingText;
            }

            readings.Add(new CaseFactorReading(factor, box.Ticked, string.IsNullOrWhiteSpace(detail) ? null : detail.Trim()));
        }

        return readings;
    }

    private static bool FactorMatches(string factor, string label) =>
        label == factor
        || (label.StartsWith(factor, StringComparison.Ordinal) && label.Length > factor.Length && label[factor.Length] is ' ' or ':' or '(');

    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
