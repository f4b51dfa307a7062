namespace TeamsReviewBot.Documents;

/// <summary>The agency forms a playbook can name.</summary>
public enum AgencyTemplateKind
{
    /// <summary>Single agency summary (Oldham, Tameside; Salford's Document 8; Gloucestershire's information request).</summary>
    SingleAgencySummary,

    /// <summary>Initial scoping and information sharing (West Midlands Document 2).</summary>
    InitialScoping,

    /// <summary>A chronology table on its own (Chronolator file, Salford's Document 9, Tameside's chronology template).</summary>
    Chronology,
}

/// <summary>A form to attach: its kind, the seed's title, and the file name agencies see.</summary>
public sealed record AgencyTemplate(AgencyTemplateKind Kind, string Title, string FileName);

/// <summary>What a form is filled in with before it goes out. No child's details: those are in the letter.</summary>
public sealed record TemplateFacts(string CaseCode, string Partnership, string Agency, string ReturnTo, string DueOn, string RequestedOn);

/// <summary>
/// Builds the agency forms the playbook names as DOCX attachments. Every form carries the same
/// chronology table (<see cref="ChronologyColumns.AgencyHeader"/>) so that what agencies return can be
/// merged into one multi-agency chronology.
/// </summary>
public static class AgencyTemplates
{
    /// <summary>The forms to attach for the templates a playbook lists; letters are the email itself, not an attachment.</summary>
    public static IReadOnlyList<AgencyTemplate> FromPlaybook(IEnumerable<string> templates, string caseCode)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var forms = new List<AgencyTemplate>();
        foreach (var title in templates)
        {
            var lower = title.ToLowerInvariant();
            if (lower.Contains("letter", StringComparison.Ordinal))
            {
                continue;
            }

            var kind = lower.Contains("scoping", StringComparison.Ordinal) ? AgencyTemplateKind.InitialScoping
                : lower.Contains("chronolog", StringComparison.Ordinal) ? AgencyTemplateKind.Chronology
                : AgencyTemplateKind.SingleAgencySummary;
            if (forms.Any(f => f.Kind == kind))
            {
                continue;
            }

            var file = kind switch
            {
                AgencyTemplateKind.InitialScoping => "Initial scoping and information sharing",
                AgencyTemplateKind.Chronology => "Chronology",
                _ => "Single agency summary",
            };
            forms.Add(new AgencyTemplate(kind, title, $"{caseCode} - {file}.docx"));
        }

        return forms;
    }

    public static byte[] Build(AgencyTemplate template, TemplateFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        var writer = new WordWriter()
            .Heading(template.Title)
            .Paragraph("CONFIDENTIAL WHEN COMPLETED", bold: true)
            .Subheading("Office use only")
            .Field("Case reference", facts.CaseCode)
            .Field("Partnership", facts.Partnership)
            .Field("Agency", facts.Agency)
            .Field("Information requested from agencies", facts.RequestedOn)
            .Field("Deadline for agencies to submit information", facts.DueOn);

        switch (template.Kind)
        {
            case AgencyTemplateKind.SingleAgencySummary:
                SingleAgencySummary(writer);
                break;
            case AgencyTemplateKind.InitialScoping:
                InitialScoping(writer);
                break;
            default:
                Chronology(writer, "Chronology of involvement");
                break;
        }

        writer.Paragraph($"Please return the completed form to {facts.ReturnTo} by {facts.DueOn}, keeping {facts.CaseCode} in the subject line.", bold: true);
        return writer.ToBytes();
    }

    private static void SingleAgencySummary(WordWriter writer)
    {
        writer.Subheading("1. Agency details and declaration of involvement")
            .Field("Organisation submitting report")
            .Field("Report author")
            .Field("Designation")
            .Field("Contact details (telephone, email)")
            .Field("Work address")
            .Field("Date submitted")
            .Field("Has the agency had contact with the child (or family or close associates) listed in the referral? Yes / No")
            .Paragraph("If you have answered no, you do not need to complete further sections: reply saying no records are held.", italic: true)
            .Subheading("2. Details of the family and significant others")
            .Paragraph("Please advise of any anomalies or additions.")
            .Table(["Relationship to child", "Name", "DOB", "Address"], Blank(4, 3))
            .Field("Other processes or investigations (criminal, professional, single agency, other statutory review)");
        Chronology(writer, "3. Your chronology of involvement – last 12 months (include significant events outside this timeframe)");
        writer.Subheading("4. Summary of agency involvement")
            .Field("About the child")
            .Field("Summary of agency involvement")
            .Field("Key professional's perspective")
            .Field("What worked well?")
            .Field("What were you worried about at the time of the event?")
            .Paragraph("Lessons learnt and any actions to be taken by your agency:")
            .Table(["Action", "Outcome", "By whom", "By when"], Blank(4, 4))
            .Field("Recommendations to the partnership")
            .Field("If a further review is required, what should it focus on?")
            .Subheading("Signatures")
            .Field("Report author (signature, date)")
            .Field("Report quality assured and approved by (signature, date)");
    }

    private static void InitialScoping(WordWriter writer)
    {
        writer.Subheading("Contact details of the individual and agency completing this form")
            .Field("Name")
            .Field("Agency and designation/title")
            .Field("Contact details (address, telephone, email)")
            .Field("Date completed")
            .Subheading("Section 1: Composition of the child's family")
            .Paragraph("All agencies are asked to check whether the details match information held on their systems. Please advise of any anomalies.")
            .Table(["Person", "Name", "Also known as", "D.O.B.", "Home address"], Blank(5, 4))
            .Subheading("Section 2: Agency information and involvement")
            .Field("Q1. Brief summary of your agency's involvement with the subject child and the individuals in the family composition");
        Chronology(writer, "Key significant events in chronological order");
        writer.Field("Q3. Brief analysis of individual and multi-agency practice")
            .Field("Q4. Areas for concern as to the way partners worked together")
            .Field("Q5. Learning identified and action taken")
            .Field("Q6. Involvement of any other agencies")
            .Field("Q7. Further relevant information for the Rapid Review meeting");
    }

    private static void Chronology(WordWriter writer, string heading) =>
        writer.Subheading(heading)
            .Paragraph("One row per event; dates as 14/01/2027. Add rows as needed.", italic: true)
            .Table(ChronologyColumns.AgencyHeader, Blank(ChronologyColumns.AgencyHeader.Count, 5));

    private static IEnumerable<IReadOnlyList<string>> Blank(int columns, int rows) =>
        Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<string>)Enumerable.Repeat(string.Empty, columns).ToArray());
}
