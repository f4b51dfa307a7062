using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>A label printed on the form, the control beside it (or, <paramref name="ByColumn"/>, under it
/// in a table whose first row holds the labels), and the section it sits in.</summary>
internal sealed record LabelledControl(string Section, string Label, FormControl Control, bool ByColumn = false);

/// <summary>A tick box on the form, the text printed beside it, and the section it sits in.</summary>
internal sealed record TickBox(string Section, string Label, bool? Ticked, string? FollowingText);

/// <summary>
/// Walks a form's body in reading order, keeping track of the section it is in, and pairs each
/// control with the text before it: "label: [control]" inside one cell or paragraph, or a label
/// cell followed by a value cell. Content controls wrapping blocks, rows and cells are looked into.
/// A section heading in a table row may sit beside its number ("4." | "Details of the child") or
/// start with it ("1. Detail of the known or suspected abuse"); a free-text section's answer is the
/// one cell in the row under its heading, labelled with the heading.
/// </summary>
internal sealed partial class FormWalker(IReadOnlyList<string> sectionTitles, FormWalker.Document? document = null)
{
    private const char Ticked = '\u2612';
    private const char TickedAlt = '\u2611';
    private const char Unticked = '\u2610';

    // Normalised once per form, not once for every paragraph compared with them.
    private readonly (string Title, string Normalised)[] _titles = [.. sectionTitles.Select(t => (t, FormText.Normalise(t)))];

    private readonly List<LabelledControl> _controls = [];
    private readonly List<TickBox> _tickBoxes = [];
    // What the body says is the same whichever form it is read as: read once for all the forms tried.
    private readonly Document _document = document ?? new Document();
    private string _section = string.Empty;
    private List<string>? _columnLabels;
    private string? _headingAbove;

    public IReadOnlyList<LabelledControl> Controls => _controls;

    public IReadOnlyList<TickBox> TickBoxes => _tickBoxes;

    /// <summary>Every content control, for matching by tag or title.</summary>
    public IReadOnlyList<FormControl> ContentControls { get; private set; } = [];

    /// <summary>Walks the document's w:body.</summary>
    public void Walk(WordNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ContentControls = _document.ContentControls(body);
        foreach (var line in _document.Lines(body))
        {
            if (line.IsRow)
            {
                ReadRow(line.Node);
            }
            else
            {
                ReadParagraph(line.Node);
            }
        }
    }

    private void ReadParagraph(WordNode paragraph)
    {
        if (SwitchSection(paragraph))
        {
            return;
        }

        Emit(_document.Paragraph(paragraph));
    }

    private void ReadRow(WordNode row)
    {
        var reading = _document.Row(row);
        if (reading.SoleWordedCell is { } heading && SwitchSection(heading))
        {
            _columnLabels = null;
            _headingAbove = _section;
            return;
        }

        var headingAbove = _headingAbove;
        _headingAbove = null;
        var answers = reading.CellAnswers;
        if (headingAbove is not null && answers.Count == 1)
        {
            // The answer typed under a free-text heading; the cell is read as usual as well.
            _controls.Add(new LabelledControl(_section, headingAbove, answers[0]));
        }

        if (_columnLabels is { } labels && labels.Count == answers.Count)
        {
            // The row under a row of labels: each cell belongs to the label above it.
            for (var i = 0; i < answers.Count; i++)
            {
                _controls.Add(new LabelledControl(_section, labels[i], answers[i], ByColumn: true));
            }
        }

        _columnLabels = reading.LabelRow;
        Emit(reading);
    }

    /// <summary>What a paragraph or row reads as, placed in the section this form is in.</summary>
    private void Emit(BlockReading reading)
    {
        foreach (var (label, control) in reading.Controls)
        {
            _controls.Add(new LabelledControl(_section, label, control));
        }

        foreach (var (label, ticked, following) in reading.TickBoxes)
        {
            _tickBoxes.Add(new TickBox(_section, label, ticked, following));
        }
    }

    private bool SwitchSection(WordNode block)
    {
        var (normalised, unnumbered) = _document.Heading(block);
        foreach (var (title, t) in _titles)
        {
            if ((normalised.StartsWith(t, StringComparison.Ordinal) && normalised.Length <= t.Length + 80)
                || (unnumbered.StartsWith(t, StringComparison.Ordinal) && unnumbered.Length <= t.Length + 80))
            {
                _section = title;
                return true;
            }
        }

        return false;
    }

    /// <summary>A cell holding only a section number ("4.", "5") or nothing.</summary>
    private static bool IsNumbering(string text) => BareNumber().IsMatch(text.Trim());

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+\.?)?$")]
    private static partial System.Text.RegularExpressions.Regex BareNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\.?\s+")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();

    /// <summary>A run of text, a value control, or a tick box, in reading order.</summary>
    internal sealed record Segment(string Text, FormControl? Control, CheckBoxState? CheckBox);

    internal sealed record CheckBoxState(bool? Ticked);

    private static List<Segment> Segments(WordNode container)
    {
        var segments = new List<Segment>();
        WordNode? field = null;
        var inResult = false;
        var result = new System.Text.StringBuilder();
        foreach (var child in Inline(container))
        {
            if (child.Is("sdt"))
            {
                segments.Add(IsCheckBox(child)
                    ? new Segment(string.Empty, null, new CheckBoxState(CheckBoxTicked(child)))
                    : new Segment(string.Empty, FormControl.FromSdt(child), null));
                continue;
            }

            // A run: plain text, or part of a legacy form field (begin, its result text, end).
            var fieldChar = child.Child("fldChar");
            var fieldCharType = fieldChar?.Attribute("fldCharType");
            if (fieldCharType == "begin")
            {
                field = fieldChar!.Child("ffData");
                inResult = false;
                result.Clear();
                if (field?.Child("checkBox") is { } legacyBox)
                {
                    segments.Add(new Segment(string.Empty, null, new CheckBoxState(LegacyTicked(legacyBox))));
                    field = null;
                }
            }
            else if (fieldCharType == "separate")
            {
                inResult = true;
            }
            else if (fieldCharType == "end")
            {
                if (field is not null)
                {
                    segments.Add(new Segment(string.Empty, FormControl.FromLegacyField(field, result.ToString()), null));
                }

                field = null;
                inResult = false;
            }
            else if (field is not null && inResult)
            {
                result.Append(WordText.Of(child));
            }
            else if (field is null)
            {
                AddRunText(segments, WordText.Of(child));
            }
        }

        return segments;
    }

    /// <summary>Plain text that is a ☒/☐ glyph counts as a tick box (forms typed without controls).</summary>
    private static void AddRunText(List<Segment> segments, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is Ticked or TickedAlt or Unticked)
            {
                if (i > start)
                {
                    segments.Add(new Segment(text[start..i], null, null));
                }

                segments.Add(new Segment(string.Empty, null, new CheckBoxState(text[i] != Unticked)));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            segments.Add(new Segment(text[start..], null, null));
        }
    }

    /// <summary>Runs and inline content controls of a paragraph (or of all paragraphs under a block), looking
    /// into hyperlinks, fields, insertions and any other wrapper.</summary>
    private static IEnumerable<WordNode> Inline(WordNode container)
    {
        foreach (var child in container.Children)
        {
            if (child.Is("pPr") || child.Is("proofErr") || child.Is("bookmarkStart") || child.Is("bookmarkEnd"))
            {
                continue;
            }

            if (child.Is("sdt") || child.Is("r"))
            {
                yield return child;
            }
            else if (child.Is("p"))
            {
                foreach (var inner in Inline(child))
                {
                    yield return inner;
                }

                // Keep paragraphs apart: "T: …" and "E: …" on two lines are two labels.
                yield return WordNode.BreakRun();
            }
            else
            {
                foreach (var inner in Inline(child))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool IsCheckBox(WordNode sdt) =>
        sdt.Child("sdtPr")?.ChildNamed("checkbox") is not null;

    private static bool? CheckBoxTicked(WordNode sdt)
    {
        var box = sdt.Child("sdtPr")!.ChildNamed("checkbox")!;
        if (box.ChildNamed("checked") is { } checkedElement)
        {
            return checkedElement.Attribute("val") is "1" or "true" or "on";
        }

        // No w14:checked: trust the glyph Word shows.
        var glyph = WordText.Of(sdt).Trim();
        return glyph.Length == 1 ? glyph[0] is Ticked or TickedAlt : null;
    }

    private static bool LegacyTicked(WordNode box)
    {
        if (box.Child("checked") is { } isChecked)
        {
            return WordNode.OnOff(isChecked.Attribute("val")) ?? true;
        }

        return WordNode.OnOff(box.Child("default")?.Attribute("val")) ?? false;
    }

    private static IEnumerable<WordNode> Blocks(WordNode container)
    {
        foreach (var child in container.Children)
        {
            if (child.Is("p") || child.Is("tbl"))
            {
                yield return child;
            }
            else if (child.Is("sdt") && child.Child("sdtContent") is { } content)
            {
                // A block-level control wrapping paragraphs or tables: walk into it.
                foreach (var inner in Blocks(content))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<WordNode> Rows(WordNode table)
    {
        foreach (var child in table.Children)
        {
            if (child.Is("tr"))
            {
                yield return child;
            }
            else if (child.Is("sdt") && child.Child("sdtContent") is { } content)
            {
                foreach (var inner in content.Children)
                {
                    if (inner.Is("tr"))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static IEnumerable<WordNode> Cells(WordNode row)
    {
        foreach (var child in row.Children)
        {
            if (child.Is("tc"))
            {
                yield return child;
            }
            else if (child.Is("sdt") && child.Child("sdtContent") is { } content)
            {
                foreach (var inner in content.Children)
                {
                    if (inner.Is("tc"))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
