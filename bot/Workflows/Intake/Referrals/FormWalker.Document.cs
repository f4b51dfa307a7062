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

        public BlockReading Paragraph(WordNode paragraph) =>
            Remembered(_paragraphs, paragraph, static (document, node) => ReadParagraphOnce(document.Segments(node)));

        public RowReading Row(WordNode row) => Remembered(_rows, row, static (document, node) => ReadRowOnce(node, document));

        public List<Segment> Segments(WordNode container) =>
            Remembered(_segments, container, static (_, node) => FormWalker.Segments(node));

        /// <summary>The block's text normalised, with and without a leading section number.</summary>
        public (string Normalised, string Unnumbered) Heading(WordNode block) =>
            Remembered(_headings, block, static (document, node) =>
            {
                var normalised = FormText.Normalise(document.Text(node));
                return (normalised, LeadingNumber().Replace(normalised, string.Empty));
            });

        /// <summary>A cell holding only a section number ("4.", "5") or nothing.</summary>
        public bool IsNumbering(WordNode cell) => FormWalker.IsNumbering(Text(cell));

        private string Text(WordNode element) => Remembered(_texts, element, static (_, node) => WordText.Of(node));

        /// <summary>What <paramref name="work"/> makes of <paramref name="node"/>, worked out on first asking and kept.
        /// The work is handed the document rather than capturing it, so asking allocates nothing.</summary>
        private T Remembered<T>(Dictionary<WordNode, T> kept, WordNode node, Func<Document, WordNode, T> work)
        {
            if (!kept.TryGetValue(node, out var value))
            {
                // Not a ref into the map: the work may fill the document's other maps meanwhile.
                value = work(this, node);
                kept.Add(node, value);
            }

            return value;
        }
    }
}
