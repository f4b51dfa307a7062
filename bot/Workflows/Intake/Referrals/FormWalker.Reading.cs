namespace TeamsReviewBot.Workflows.Intake.Referrals;

internal sealed partial class FormWalker
{
    /// <summary>
    /// What a paragraph or table row reads as whichever form it is read as: the controls with the text
    /// before each ("label: [control]", or a label cell and the value cell after it) and the tick boxes
    /// with their labels. The walker of each form places them in the section it has reached.
    /// </summary>
    internal class BlockReading
    {
        public List<(string Label, FormControl Control)> Controls { get; } = [];

        public List<(string Label, bool? Ticked, string? FollowingText)> TickBoxes { get; } = [];
    }

    /// <summary>
    /// A table row's reading, and what each form's walker needs to place it: the one cell that is not a
    /// bare section number (which may be a heading, when there is only one), the answer in each cell
    /// (for a free-text heading above, or a row of labels above), and the cells' texts when every cell
    /// is a label (a row of labels for the row under it).
    /// </summary>
    internal sealed class RowReading(WordNode? soleWordedCell, List<FormControl> cellAnswers, List<string>? labelRow) : BlockReading
    {
        public WordNode? SoleWordedCell { get; } = soleWordedCell;

        public List<FormControl> CellAnswers { get; } = cellAnswers;

        public List<string>? LabelRow { get; } = labelRow;
    }

    /// <summary>A paragraph or row of the body, in reading order.</summary>
    internal readonly record struct Line(WordNode Node, bool IsRow);

    private static List<Line> LinesOf(WordNode body)
    {
        var lines = new List<Line>();
        foreach (var block in Blocks(body))
        {
            if (block.Is("p"))
            {
                lines.Add(new Line(block, IsRow: false));
            }
            else
            {
                lines.AddRange(Rows(block).Select(row => new Line(row, IsRow: true)));
            }
        }

        return lines;
    }

    private static BlockReading ReadParagraphOnce(List<Segment> segments)
    {
        var reading = new BlockReading();
        ReadInline(segments, reading);
        ReadTickBoxes(segments, null, reading);
        return reading;
    }

    private static RowReading ReadRowOnce(WordNode row, Document document)
    {
        var cells = Cells(row).ToList();
        var worded = cells.Where(c => !document.IsNumbering(c)).ToList();
        var segmented = cells.Select(document.Segments).ToList();
        var texts = segmented.Select(c => string.Concat(c.Select(s => s.Text)).Trim()).ToList();
        var answers = segmented.Select((c, i) => c.FirstOrDefault(s => s.Control is not null)?.Control ?? FormControl.FromText(texts[i])).ToList();
        var allLabels = cells.Count >= 2 && segmented.All(c => c.All(s => s.Control is null && s.CheckBox is null)) && texts.All(t => t.Length > 0);
        var reading = new RowReading(worded.Count == 1 ? worded[0] : null, answers, allLabels ? texts : null);
        for (var i = 0; i < cells.Count; i++)
        {
            var segments = segmented[i];
            ReadInline(segments, reading);

            // A label cell followed by a value cell.
            var hasControl = segments.Any(s => s.Control is not null || s.CheckBox is not null);
            var label = texts[i];
            if (!hasControl && label.Length > 0 && i + 1 < cells.Count)
            {
                var next = segmented[i + 1];
                var control = next.FirstOrDefault(s => s.Control is not null)?.Control
                    ?? (next.Any(s => s.CheckBox is not null) ? null : FormControl.FromText(string.Concat(next.Select(s => s.Text))));
                if (control is not null)
                {
                    reading.Controls.Add((label, control));
                }
            }

            var neighbour = i + 1 < cells.Count ? texts[i + 1] : null;
            ReadTickBoxes(segments, neighbour, reading);
        }

        return reading;
    }

    private static void ReadInline(List<Segment> segments, BlockReading reading)
    {
        var pending = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Control is not null)
            {
                var label = pending.ToString().Trim();
                if (label.Length > 0)
                {
                    reading.Controls.Add((label, segment.Control));
                }

                pending.Clear();
            }
            else if (segment.CheckBox is null)
            {
                pending.Append(segment.Text);
            }
        }

        // "Label: value" typed as plain text, a line at a time.
        if (segments.Any(s => s.Control is not null || s.CheckBox is not null))
        {
            return;
        }

        foreach (var line in string.Concat(segments.Select(s => s.Text)).Split('\n'))
        {
            // A label cell Word saved as "Agency: " has nothing after its colon: it is a label, not a value.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !string.IsNullOrWhiteSpace(line[(colon + 1)..]))
            {
                reading.Controls.Add((line[..colon], FormControl.FromText(line[(colon + 1)..])));
            }
        }
    }

    private static void ReadTickBoxes(List<Segment> segments, string? neighbourText, BlockReading reading)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].CheckBox is not { } state)
            {
                continue;
            }

            // The label is the text after the box up to the next box; if none, the next cell's text.
            var after = string.Concat(segments.Skip(i + 1).TakeWhile(s => s.CheckBox is null).Select(s => s.Control?.Text ?? s.Text)).Trim();
            var label = after.Length > 0 ? after : neighbourText ?? string.Empty;
            reading.TickBoxes.Add((label, state.Ticked, after.Length > 0 ? neighbourText : null));
        }
    }
}
