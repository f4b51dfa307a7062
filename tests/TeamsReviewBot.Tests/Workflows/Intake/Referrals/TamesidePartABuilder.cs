using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

/// <summary>
/// Tameside's "Rapid Review Referral Form" PART A as Word writes it when a referrer types into it:
/// the headings as paragraphs, then one bordered table with a grid, cell widths and run properties:
/// a row of section number | heading, "Label:" cells beside the cells the referrer typed in (two
/// pairs to a row, as the seed lays them out, L407–L466), and each free-text answer in one merged
/// cell under its heading, sometimes over several paragraphs. The labels are the seed's own
/// (seed-001 L402–L507, including the misnumbered "1. Detail of the known or suspected abuse").
/// </summary>
public sealed class TamesidePartABuilder
{
    private readonly Dictionary<string, string[]> _answers = new(StringComparer.Ordinal);

    public static TamesidePartABuilder Filled() => new TamesidePartABuilder()
        .Answer("Name:", "Sam Teacher")
        .Answer("Role:", "Designated Safeguarding Lead")
        .Answer("Agency: ", "Hollybank Primary School")
        .Answer("Tel. number:", "0161 000 0000")
        .Answer("Date of incident prompting referral:", "16/11/2026")
        .Answer("Date referred to TSCP:", "18/11/2026")
        .Answer("Brief description of event leading to referral", "Child admitted to hospital with a head injury.", "Parents' account does not fit the injury.")
        .Answer("1. Detail of the known or suspected abuse ", "Non-accidental injury suspected by the treating consultant.")
        .Answer("Last name/s:", "Testchild")
        .Answer("Date of birth:", "14/03/2026")
        .Answer("Forename/s:", "Amelia")
        .Answer("Gender: ", "Female")
        .Answer("Home address:", "12 Example Street, Ashton-under-Lyne")
        .Answer("Brief summary of work undertaken by your agency", "Attendance monitoring; early help referral in October.")
        .Answer("Details of why, in your opinion, this case should be subject to a review?", "Serious harm with abuse suspected; several agencies knew the family.");

    public TamesidePartABuilder Answer(string label, params string[] paragraphs)
    {
        _answers[label] = paragraphs;
        return this;
    }

    public byte[] Build()
    {
        var body = new Body(
            Para("Appendix A: Case Notification Form", bold: true),
            Para("Rapid Review Referral Form", bold: true),
            Para("CONFIDENTIAL WHEN COMPLETED"),
            Para("PART A - TO BE COMPLETED BY THE PERSON MAKING THE REFERRAL. PROFESSIONALS SHOULD DISCUSS THE CASE WITH THEIR AGENCY DESIGNATED SAFEGUARDING LEAD AND AGREE THE REFERRAL IS APPROPRIATE.", bold: true),
            Table(
                Heading("1.", "Details of individual making referral"),
                Pairs("Name:", "Role:"),
                Pairs("Agency: ", "Tel. number:"),
                Pairs("Date of incident prompting referral:", "Date referred to TSCP:"),
                Heading("2.", "Brief description of event leading to referral"),
                FreeText("Brief description of event leading to referral"),
                Heading(null, "1. Detail of the known or suspected abuse "),
                FreeText("1. Detail of the known or suspected abuse "),
                Heading("4.", "Details of the child/young person "),
                Pairs("Last name/s:", "Date of birth:"),
                Pairs("Forename/s:", "Age (if D.O.B. not known):"),
                Pairs("Other names used:", "Gender: "),
                Pairs("Ethnicity", "Any known disability"),
                Pairs("Home address:", "Please include details of parents/carers "),
                Heading("5", "Brief summary of work undertaken by your agency"),
                FreeText("Brief summary of work undertaken by your agency"),
                Heading("6.", "Details of why, in your opinion, this case should be subject to a review?"),
                FreeText("Details of why, in your opinion, this case should be subject to a review?"),
                Heading("7.", "Additional information: For example, is there media interest, are there criminal proceedings?"),
                FreeText("Additional information: For example, is there media interest, are there criminal proceedings?")),
            Para("Please return the completed PART A of this referral form to the TSCP Business Unit at TSCP@tameside.gov.uk "),
            new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U }));

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(params TableRow[] rows)
    {
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4U },
            () => new LeftBorder { Val = BorderValues.Single, Size = 4U },
            () => new BottomBorder { Val = BorderValues.Single, Size = 4U },
            () => new RightBorder { Val = BorderValues.Single, Size = 4U },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
            () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U },
        };
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = "9016", Type = TableWidthUnitValues.Dxa },
                new TableBorders(border.Select(b => b())),
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = true, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid(new GridColumn { Width = "2254" }, new GridColumn { Width = "2254" }, new GridColumn { Width = "2254" }, new GridColumn { Width = "2254" }));
        table.Append(rows);
        return table;
    }

    private static TableRow Heading(string? number, string heading) => number is null
        ? new TableRow(Cell(heading, span: 4, bold: true))
        : new TableRow(Cell(number, bold: true), Cell(heading, span: 3, bold: true));

    private TableRow Pairs(string first, string second) =>
        new(Cell(first), Cell(Typed(first)), Cell(second), Cell(Typed(second)));

    private TableRow FreeText(string heading) => new(Cell(Typed(heading), span: 4));

    private string[] Typed(string label) => _answers.TryGetValue(label, out var typed) ? typed : [string.Empty];

    private static TableCell Cell(string text, int span = 1, bool bold = false) => Cell([text], span, bold);

    private static TableCell Cell(string[] paragraphs, int span = 1, bool bold = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = (2254 * span).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        var cell = new TableCell(properties);
        cell.Append(paragraphs.Select(p => Para(p, bold)));
        return cell;
    }

    private static Paragraph Para(string text, bool bold = false)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "22" });
        if (bold)
        {
            runProperties.PrependChild(new Bold());
        }

        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))
        {
            RsidParagraphAddition = "00A1B2C3",
            RsidRunAdditionDefault = "00A1B2C3",
        };
        if (text.Length > 0)
        {
            paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }
}
