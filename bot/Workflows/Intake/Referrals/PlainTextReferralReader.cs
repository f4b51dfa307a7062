using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;
namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// The fallback when a referral comes as e-mail text: "Label: value" lines using a known form's
/// labels (the form whose labels match best) (section headings on their own line keep Name, DOB and Address apart), and an
/// optional "Case factors: a, b, c" line. Whatever is not there is flagged.
/// </summary>
public static class PlainTextReferralReader
{
    /// <summary>Fewer recognised labels than this and the text is not a referral written out.</summary>
    public const int MinimumRecognisedFields = 3;

    public static ReferralDetails? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReferralDetails? best = null;
        var bestScore = 0;
        foreach (var form in ReferralFormDefinition.Known)
        {
            var details = Read(form, text);
            var score = details?.Fields.Count(f => f.Reading != FieldReading.NotFound) ?? 0;
            if (details is not null && score > bestScore)
            {
                best = details;
                bestScore = score;
            }
        }

        return best;
    }

    private static ReferralDetails? Read(ReferralFormDefinition form, string text)
    {
        var section = string.Empty;
        var controls = new List<LabelledControl>();
        IReadOnlyList<string>? factorNames = null;
        foreach (var raw in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var heading = form.Sections.FirstOrDefault(s => FormText.Normalise(line) == FormText.Normalise(s));
            if (heading is not null)
            {
                section = heading;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var label = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (form.CaseFactorsSection is not null && FormText.Normalise(label) == FormText.Normalise(form.CaseFactorsSection))
            {
                factorNames = value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }

            controls.Add(new LabelledControl(section, label, FormControl.FromText(value)));
        }

        var fields = ReferralFieldMatcher.Match(form, controls, []);
        if (fields.Count(f => f.Reading != FieldReading.NotFound) < MinimumRecognisedFields)
        {
            return null;
        }

        var factors = factorNames is null
            ? form.CaseFactors.Select(f => new CaseFactorReading(f, null)).ToList()
            : form.CaseFactors.Select(f => new CaseFactorReading(
                f,
                factorNames.Any(n => FormText.Normalise(n) == FormText.Normalise(f)))).ToList();
        return new ReferralDetails("e-mail text, read with the labels of the " + form.Name, fields, factors);
    }
}
