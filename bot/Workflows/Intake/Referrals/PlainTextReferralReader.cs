namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// The fallback when a referral comes as e-mail text: "Label: value" lines using the notification
/// form's labels (section headings on their own line keep Name, DOB and Address apart), and an
/// optional "Case factors: a, b, c" line. Whatever is not there is flagged.
/// </summary>
public static class PlainTextReferralReader
{
    /// <summary>Fewer recognised labels than this and the text is not a referral written out.</summary>
    public const int MinimumRecognisedFields = 3;

    public static ReferralDetails? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var section = string.Empty;
        var controls = new List<LabelledControl>();
        IReadOnlyList<string>? factorNames = null;
        foreach (var raw in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var heading = GmNotificationForm.Sections.FirstOrDefault(s => GmNotificationForm.Normalise(line) == GmNotificationForm.Normalise(s));
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
            if (GmNotificationForm.Normalise(label) == GmNotificationForm.Normalise(GmNotificationForm.CaseFactorsSection))
            {
                factorNames = value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }

            controls.Add(new LabelledControl(section, label, FormControl.FromText(value)));
        }

        var fields = ReferralFieldMatcher.Match(controls, []);
        if (fields.Count(f => f.Reading != FieldReading.NotFound) < MinimumRecognisedFields)
        {
            return null;
        }

        var factors = factorNames is null
            ? GmNotificationForm.CaseFactors.Select(f => new CaseFactorReading(f, null)).ToList()
            : GmNotificationForm.CaseFactors.Select(f => new CaseFactorReading(
                f,
                factorNames.Any(n => GmNotificationForm.Normalise(n) == GmNotificationForm.Normalise(f)))).ToList();
        return new ReferralDetails("e-mail text", fields, factors);
    }
}
