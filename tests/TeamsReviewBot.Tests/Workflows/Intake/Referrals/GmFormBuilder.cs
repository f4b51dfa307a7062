using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

/// <summary>
/// Builds the GM notification form as Word does: section headings, label cells beside content
/// controls (drop-downs with their list, date pickers with w:fullDate, plain text), placeholders
/// ("Choose an item.") where left blank, the Case Factors as a 3-column table of w14 tick boxes
/// (or legacy FORMCHECKBOX fields), and the agencies table.
/// </summary>
public sealed class GmFormBuilder
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ticked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _dates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typedDates = new(StringComparer.Ordinal);
    private bool _legacyTickBoxes;
    private string? _otherDetail;

    public static readonly string[] DropDownOptions = ["Oldham", "Tameside", "Salford", "Manchester", "Yes", "No", "Death", "Serious harm", "Neglect", "Physical abuse"];

    /// <summary>A typical filled-in form.</summary>
    public static GmFormBuilder Filled() => new GmFormBuilder()
        .Set("Local Authority where child ordinarily resides", "Oldham")
        .Set("Local Authority where incident occurred", "Oldham")
        .Date("Date of Referral", new DateTime(2026, 11, 20))
        .Set("Nature of Incident", "Serious harm")
        .Date("Date of Incident", new DateTime(2026, 11, 18))
        .Set("Main Type of Abuse", "Physical abuse")
        .Set("Number of Subject Children", "1")
        .Set("Referrer Name", "Pat Example")
        .Set("Referrer Organisation", "Example Primary School")
        .Set("T", "0161 000 0000")
        .Set("E", "pat.example@school.example")
        .Set("Child's Name", "Alex Sample")
        .Set("Child's DOB", "01/02/2019")
        .Set("Home address", "1 Test Street, Testtown")
        .Set("Child's Birth Sex", "Yes")
        .Set("Incident Outline: What is it about this incident that makes it serious and why it meets the criteria for Rapid Review", "Admitted to hospital with injuries.")
        .Set("Parent/Carer 1:Name", "Sam Sample")
        .Set("Parent/Carer 1:Relationship to child", "Mother")
        .Set("Parent/Carer 2:Name", "Jo Sample")
        .Set("Have you discussed the referral with a manager/DSL?", "Yes")
        .Tick("Physical abuse")
        .Tick("Domestic abuse")
        .Tick("Parental mental health")
        .Agency("GP", "Dr Example, Health Centre")
        .Agency("Police", "PC Example");

    public GmFormBuilder Set(string label, string value)
    {
        _values[label] = value;
        return this;
    }

    public GmFormBuilder Date(string label, DateTime date)
    {
        _dates[label] = date;
        return this;
    }

    /// <summary>A date typed over the picker, so no w:fullDate is stored.</summary>
    public GmFormBuilder TypedDate(string label, string text)
    {
        _typedDates.Add(label);
        _dates.Remove(label);
        _values[label] = text;
        return this;
    }

    public GmFormBuilder Tick(string factor)
    {
        _ticked.Add(factor);
        return this;
    }

    public GmFormBuilder Other(string detail)
    {
        _ticked.Add("Other - please detail");
        _otherDetail = detail;
        return this;
    }

    public GmFormBuilder Agency(string agency, string contact)
    {
        _agencies[agency] = contact;
        return this;
    }

    public GmFormBuilder WithLegacyTickBoxes()
    {
        _legacyTickBoxes = true;
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Heading("GREATER MANCHESTER SERIOUS CHILD SAFEGUARDING CASE NOTIFICATION FORM"));

            body.Append(Heading("Notifying Area"));
            body.Append(Rows(
                Row(Label("Local Authority where child ordinarily resides"), DropDown("Local Authority where child ordinarily resides")),
                Row(Label("Local Authority where incident occurred"), DropDown("Local Authority where incident occurred"))));

            body.Append(Heading("Referrer Details"));
            body.Append(Rows(
                Row(Label("Date of Referral"), DatePicker("Date of Referral"), Label("Nature of Incident"), DropDown("Nature of Incident")),
                Row(Label("Date of Incident"), DatePicker("Date of Incident"), Label("Main Type of Abuse"), DropDown("Main Type of Abuse")),
                Row(Label("Number of Subject Children"), PlainText("Number of Subject Children")),
                Row(Label("Referrer Name"), PlainText("Referrer Name"), Label("Referrer Organisation"), PlainText("Referrer Organisation")),
                Row(Label("Referrer Contact Details"), ContactCell())));

            body.Append(Heading("Case Factors \u2013 Select all factors as known at the point of referral"));
            body.Append(CaseFactorTable());

            body.Append(Heading("Child and Incident"));
            body.Append(Rows(
                Row(Label("Child\u2019s Name"), PlainText("Child's Name")),
                Row(Label("Child known by any other name"), PlainText("Child known by any other name")),
                Row(Label("Child\u2019s DOB"), PlainText("Child's DOB")),
                Row(Label("Home address"), PlainText("Home address")),
                Row(Label("Child\u2019s Birth Sex"), DropDown("Child's Birth Sex"), Label("Child\u2019s Gender Identity"), DropDown("Child's Gender Identity")),
                Row(Label("Ethnicity"), DropDown("Ethnicity"), Label("Religion"), DropDown("Religion")),
                Row(Label("Disability/SEND"), DropDown("Disability/SEND")),
                Row(Label("Disability \u2013 if yes provide details"), PlainText("Disability - if yes provide details")),
                Row(Label("Details of Education Provision"), PlainText("Details of Education Provision")),
                Row(Label("Pen Picture of the child and family/Child\u2019s Lived Experience (if known)"), PlainText("Pen Picture")),
                Row(Label("Incident Outline: What is it about this incident that makes it serious and why it meets the criteria for Rapid Review"), PlainText("Incident Outline: What is it about this incident that makes it serious and why it meets the criteria for Rapid Review")),
                Row(Label("Is there any current or previous social work involvement with this child/children"), DropDown("social work")),
                Row(Label("Provide detail if previous or current"), PlainText("Provide detail if previous or current")),
                Row(Label("Threshold at time of the incident"), DropDown("Threshold at time of the incident"))));

            foreach (var parent in new[] { "Parent/Carer 1", "Parent/Carer 2" })
            {
                body.Append(Heading(parent));
                var rows = new List<TableRow>
                {
                    Row(Label("Name"), PlainText(parent + ":Name"), Label("DOB"), PlainText(parent + ":DOB")),
                    Row(Label("Address"), PlainText(parent + ":Address")),
                };
                if (parent == "Parent/Carer 1")
                {
                    rows.Add(Row(Label("Relationship to child"), PlainText(parent + ":Relationship to child")));
                }

                rows.Add(Row(Label("Ethnicity"), DropDown(parent + ":Ethnicity"), Label("Disability/SEND"), DropDown(parent + ":Disability/SEND")));
                rows.Add(Row(Label("Disability \u2013 if yes provide details"), PlainText(parent + ":Disability details")));
                body.Append(Rows([.. rows]));
            }

            body.Append(Heading("Siblings"));
            body.Append(Rows(Row(Label("Sibling\u2019s name"), PlainText("sibling"), Label("DOB"), PlainText("sibling dob"))));

            body.Append(Heading("Agencies Working With the Child/Children/Family"));
            body.Append(AgencyTable());

            body.Append(Heading("Management Oversight and Immediate Safeguarding"));
            body.Append(Rows(
                Row(Label("Have you discussed the referral with a manager/DSL?"), DropDown("Have you discussed the referral with a manager/DSL?")),
                Row(Label("Provide details where appropriate"), PlainText("Provide details where appropriate")),
                Row(Label("Has the Local Authority reported a serious child safeguarding incident?"), DropDown("Has the Local Authority reported a serious child safeguarding incident?")),
                Row(Label("Where needed, has action been taken to keep the child or other children safe?"), DropDown("action")),
                Row(Label("Provide detail of action taken"), PlainText("Provide detail of action taken")),
                Row(Label("Any other considerations e.g. media interest, criminal proceedings, other Local Authority involvement, coroners inquest etc."), PlainText("Any other considerations"))));

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text) => new(new Run(new RunProperties(new Bold()), new Text(text)));

    private static Table Rows(params TableRow[] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single })));
        table.Append(rows);
        return table;
    }

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Label(string text) => new(new Paragraph(new Run(new Text(text))));

    private TableCell PlainText(string key)
    {
        var filled = _values.TryGetValue(key, out var value);
        return new TableCell(new Paragraph(new SdtRun(
            Properties(key, filled),
            new SdtContentRun(new Run(new Text(filled ? value! : "Click or tap here to enter text."))))));
    }

    private TableCell DropDown(string key)
    {
        var filled = _values.TryGetValue(key, out var value);
        var list = new SdtContentDropDownList();
        foreach (var option in DropDownOptions)
        {
            list.Append(new ListItem { DisplayText = option, Value = option });
        }

        var properties = Properties(key, filled);
        properties.Append(list);
        return new TableCell(new Paragraph(new SdtRun(properties, new SdtContentRun(new Run(new Text(filled ? value! : "Choose an item."))))));
    }

    private TableCell DatePicker(string key)
    {
        var properties = Properties(key, _dates.ContainsKey(key) || _typedDates.Contains(key));
        var date = new SdtContentDate(new DateFormat { Val = "dd/MM/yyyy" }, new LanguageId { Val = "en-GB" });
        string shown;
        if (_dates.TryGetValue(key, out var when))
        {
            date.FullDate = when;
            shown = when.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            shown = _values.TryGetValue(key, out var typed) ? typed : "Click or tap to enter a date.";
        }

        properties.Append(date);
        return new TableCell(new Paragraph(new SdtRun(properties, new SdtContentRun(new Run(new Text(shown))))));
    }

    /// <summary>"T: [control]" and "E: [control]" on two lines of one cell.</summary>
    private TableCell ContactCell() => new(
        new Paragraph(new Run(new Text("T: ") { Space = SpaceProcessingModeValues.Preserve }), InlineText("T")),
        new Paragraph(new Run(new Text("E: ") { Space = SpaceProcessingModeValues.Preserve }), InlineText("E")));

    private SdtRun InlineText(string key)
    {
        var filled = _values.TryGetValue(key, out var value);
        return new SdtRun(Properties(key, filled), new SdtContentRun(new Run(new Text(filled ? value! : "Click or tap here to enter text."))));
    }

    private static SdtProperties Properties(string key, bool filled)
    {
        var properties = new SdtProperties(new SdtId { Val = Math.Abs(key.GetHashCode(StringComparison.Ordinal)) });
        if (!filled)
        {
            properties.Append(new ShowingPlaceholder());
        }

        return properties;
    }

    private Table CaseFactorTable()
    {
        var factors = TeamsReviewBot.Workflows.Intake.Referrals.GmNotificationForm.CaseFactors;
        var rows = new List<TableRow>();
        for (var i = 0; i < factors.Count; i += 3)
        {
            rows.Add(new TableRow(factors.Skip(i).Take(3).Select(FactorCell)));
        }

        return Rows([.. rows]);
    }

    private TableCell FactorCell(string factor)
    {
        var ticked = _ticked.Contains(factor);
        var label = factor == "Other - please detail" ? "Other \u2013 please detail" + (_otherDetail is null ? string.Empty : ": " + _otherDetail) : factor;
        var paragraph = new Paragraph(_legacyTickBoxes ? LegacyTickBox(ticked) : [TickBox(ticked)]);
        paragraph.Append(new Run(new Text(" " + label) { Space = SpaceProcessingModeValues.Preserve }));
        return new TableCell(paragraph);
    }

    private static SdtRun TickBox(bool ticked) => new(
        new SdtProperties(new W14.SdtContentCheckBox(
            new W14.Checked { Val = ticked ? W14.OnOffValues.One : W14.OnOffValues.Zero },
            new W14.CheckedState { Font = "MS Gothic", Val = "2612" },
            new W14.UncheckedState { Font = "MS Gothic", Val = "2610" })),
        new SdtContentRun(new Run(new Text(ticked ? "\u2612" : "\u2610"))));

    private static OpenXmlElement[] LegacyTickBox(bool ticked) =>
    [
        new Run(new FieldChar(new FormFieldData(
            new FormFieldName { Val = "Check" + Guid.NewGuid().ToString("N")[..6] },
            new Enabled(),
            new CalculateOnExit { Val = false },
            new CheckBox(new AutomaticallySizeFormField(), new DefaultCheckBoxFormFieldState { Val = false }, new Checked { Val = ticked })))
        { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" FORMCHECKBOX ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    private Table AgencyTable()
    {
        var agencies = TeamsReviewBot.Workflows.Intake.Referrals.GmNotificationForm.AgencyNames;
        var rows = new List<TableRow> { Row(Label("Agency"), Label("Service Name and Contact"), Label("Agency"), Label("Service Name and Contact")) };
        for (var i = 0; i < agencies.Count; i += 2)
        {
            var cells = new List<TableCell>();
            foreach (var agency in agencies.Skip(i).Take(2))
            {
                cells.Add(Label(agency));
                cells.Add(new TableCell(new Paragraph(new Run(new Text(_agencies.TryGetValue(agency, out var contact) ? contact : string.Empty)))));
            }

            rows.Add(new TableRow(cells));
        }

        return Rows([.. rows]);
    }
}
