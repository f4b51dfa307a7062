using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

internal sealed partial class FormWalker
{
    /// <summary>
    /// One document's body as read so far: its content controls, its paragraphs and rows in order, and
    /// each one's text, heading reading, segments and reading. None of these depends on which form the
    /// body is read as, so the walkers of every known form share one and the body is read once, not
    /// once per form. For one document only.
    /// </summary>
    internal sealed class Document
    {
        private readonly Dictionary<WordNode, BlockReading> _paragraphs = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<WordNode, RowReading> _rows = new(ReferenceEqualityComparer.Instance);
        private List<Line>? _lines;
        private readonly Dictionary<WordNode, List<Segment>> _segments = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<WordNode, string> _texts = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<WordNode, (string Normalised, string Unnumbered)> _headings = new(ReferenceEqualityComparer.Instance);
        private List<FormControl>? _contentControls;

        /// <summary>Every content control that is not a tick box, for matching by tag or title.</summary>
        public IReadOnlyList<FormControl> ContentControls(WordNode body) =>
            _contentControls ??= [.. body.Descendants().Where(node => node.Is("sdt") && !IsCheckBox(node)).Select(FormControl.FromSdt)];

        /// <summary>The body's paragraphs and table rows in reading order, controls wrapping them looked into.</summary>
        public IReadOnlyList<Line> Lines(WordNode body) => _lines ??= LinesOf(body);

        public BlockReading Paragraph(WordNode paragraph)
        {
            if (!_paragraphs.TryGetValue(paragraph, out var reading))
            {
                reading = ReadParagraphOnce(Segments(paragraph));
                _paragraphs.Add(paragraph, reading);
            }

            return reading;
        }

        public RowReading Row(WordNode row)
        {
            if (!_rows.TryGetValue(row, out var reading))
            {
                reading = ReadRowOnce(row, this);
                _rows.Add(row, reading);
            }

            return reading;
        }

        public List<Segment> Segments(WordNode container)
        {
            if (!_segments.TryGetValue(container, out var segments))
            {
                segments = FormWalker.Segments(container);
                _segments.Add(container, segments);
            }

            return segments;
        }

        /// <summary>The block's text normalised, with and without a leading section number.</summary>
        public (string Normalised, string Unnumbered) Heading(WordNode block)
        {
            if (!_headings.TryGetValue(block, out var heading))
            {
                var normalised = FormText.Normalise(Text(block));
                heading = (normalised, LeadingNumber().Replace(normalised, string.Empty));
                _headings.Add(block, heading);
            }

            return heading;
        }

        /// <summary>A cell holding only a section number ("4.", "5") or nothing.</summary>
        public bool IsNumbering(WordNode cell) => FormWalker.IsNumbering(Text(cell));

        private string Text(WordNode element)
        {
            if (!_texts.TryGetValue(element, out var text))
            {
                text = WordText.Of(element);
                _texts.Add(element, text);
            }

            return text;
        }
    }
}
