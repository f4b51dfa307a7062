using System.Globalization;
using System.Text;

namespace TeamsReviewBot.Process.Board;

/// <summary>
/// Draws the board as one SVG element. Every mark, window, ghost and today's line is a focusable
/// group (tabindex 0) with a role, an aria-label and a &lt;title&gt;, so a keyboard moves through them
/// and a screen reader reads them; each case code is a link to the case's timetable and trail.
/// Nothing but case codes, partnership names, stages, deadline names and dates is written.
/// </summary>
public static class SvgBoardRenderer
{
    public static string Render(BoardPicture picture, Func<string, string> caseLink)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(caseLink);
        var layout = new BoardLayout(picture);
        var svg = new StringBuilder(4096 + (picture.Rows.Count * 3000));
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"board\" width=\"{layout.Width:0}\" height=\"{layout.Height:0}\" viewBox=\"0 0 {layout.Width:0} {layout.Height:0}\" role=\"group\" aria-labelledby=\"board-title\">"));
        svg.Append("<title id=\"board-title\">").Append(Escape(BoardText.Summary(picture))).Append("</title>");
        svg.Append(Inv($"<rect width=\"{layout.Width:0}\" height=\"{layout.Height:0}\" fill=\"{BoardPalette.Background}\"/>"));
        Days(svg, layout);
        Rows(svg, layout, caseLink);
        Today(svg, layout);
        Legend(svg, layout);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Days(StringBuilder svg, BoardLayout layout)
    {
        var picture = layout.Picture;
        svg.Append("<g class=\"days\" aria-hidden=\"true\">");
        foreach (var day in picture.Days)
        {
            var x = layout.DayLeft(day.Date);
            if (!day.IsWorkingDay)
            {
                var fill = day.HolidayName is null ? BoardPalette.Weekend : BoardPalette.BankHoliday;
                var kind = day.HolidayName is null ? "weekend" : "bank-holiday";
                svg.Append(Inv($"<rect class=\"{kind}\" data-date=\"{day.Date:yyyy-MM-dd}\" x=\"{x:0.#}\" y=\"{BoardLayout.HeaderHeight - 30:0}\" width=\"{BoardLayout.DayWidth:0}\" height=\"{layout.GridBottom - BoardLayout.HeaderHeight + 30:0.#}\" fill=\"{fill}\">"));
                svg.Append("<title>").Append(Escape(day.HolidayName is null ? "Weekend" : "Bank holiday: " + day.HolidayName)).Append("</title></rect>");
            }

            if (day.Date.Day == 1 || day.Date == picture.From)
            {
                svg.Append(Inv($"<text x=\"{x + 2:0.#}\" y=\"14\" font-size=\"11\" font-weight=\"600\" fill=\"{BoardPalette.Text}\">{day.Date.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}</text>"));
            }

            svg.Append(Inv($"<text x=\"{x + (BoardLayout.DayWidth / 2):0.#}\" y=\"32\" font-size=\"9\" text-anchor=\"middle\" fill=\"{BoardPalette.MutedText}\">{day.Date.ToString("ddd", CultureInfo.GetCultureInfo("en-GB"))[0]}</text>"));
            svg.Append(Inv($"<text x=\"{x + (BoardLayout.DayWidth / 2):0.#}\" y=\"45\" font-size=\"10\" text-anchor=\"middle\" fill=\"{BoardPalette.Text}\">{day.Date.Day}</text>"));
        }

        svg.Append("</g>");
    }

    private static void Rows(StringBuilder svg, BoardLayout layout, Func<string, string> caseLink)
    {
        var picture = layout.Picture;
        svg.Append("<g class=\"rows\" role=\"list\" aria-label=\"Open cases\">");
        for (var i = 0; i < picture.Rows.Count; i++)
        {
            var row = picture.Rows[i];
            var top = layout.RowTop(i);
            svg.Append(Inv($"<g class=\"case-row\" id=\"row-{Escape(row.CaseCode)}\" data-case=\"{Escape(row.CaseCode)}\" data-partnership=\"{Escape(row.Partnership)}\" data-stage=\"{row.Stage}\" role=\"listitem\" aria-label=\"{Escape(BoardText.Row(row))}\">"));
            svg.Append(Inv($"<line x1=\"0\" y1=\"{top + BoardLayout.RowHeight:0.#}\" x2=\"{layout.Width:0}\" y2=\"{top + BoardLayout.RowHeight:0.#}\" stroke=\"{BoardPalette.GridLine}\"/>"));
            svg.Append(Inv($"<a href=\"{Escape(caseLink(row.CaseCode))}\" class=\"case-link\"><title>{Escape("Open " + row.CaseCode + "'s timetable and audit trail")}</title>"));
            svg.Append(Inv($"<text x=\"8\" y=\"{top + 17:0.#}\" font-size=\"12\" font-weight=\"600\" fill=\"#0f548c\" text-decoration=\"underline\">{Escape(row.CaseCode)}</text></a>"));
            svg.Append(Inv($"<text x=\"8\" y=\"{top + 32:0.#}\" font-size=\"10\" fill=\"{BoardPalette.MutedText}\">{Escape(BoardText.Label(row))}</text>"));

            foreach (var window in row.Windows)
            {
                var x = layout.DayLeft(window.From) + 2;
                var width = layout.DayLeft(window.To) + BoardLayout.DayWidth - 2 - x;
                var label = Escape(BoardText.Window(row, window));
                svg.Append(Inv($"<g class=\"window window-{(window.Kind == WindowKind.Meeting ? "meeting" : "sign-off")}\" tabindex=\"0\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>"));
                svg.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{layout.WindowY(i):0.#}\" width=\"{width:0.#}\" height=\"7\" rx=\"3\" fill=\"{BoardPalette.Colour(window.Kind)}\"/>"));
                if (window.BookedAt is { } booked && picture.ColumnOf(Calendar.WorkingDayCalendar.LondonDate(booked)) is var column && column >= 0 && column < picture.Days.Count)
                {
                    svg.Append(Inv($"<rect x=\"{layout.DayCentre(Calendar.WorkingDayCalendar.LondonDate(booked)) - 1.5:0.#}\" y=\"{layout.WindowY(i) - 2:0.#}\" width=\"3\" height=\"11\" fill=\"{BoardPalette.Text}\"/>"));
                }

                svg.Append("</g>");
            }

            foreach (var ghost in row.Marks.Where(m => m.OriginalDate is not null && m.OriginalDate != m.Date))
            {
                var label = Escape(BoardText.Ghost(row, ghost));
                svg.Append(Inv($"<g class=\"ghost\" data-key=\"{Escape(ghost.Key)}\" tabindex=\"0\" role=\"img\" aria-label=\"{label}\" opacity=\"0.4\"><title>{label}</title>"));
                Shape(svg, "diamond", layout.DayCentre(ghost.OriginalDate!.Value), layout.MarkY(i, 0, 1), "none", BoardPalette.Colour(MarkState.Moved), dashed: true);
                svg.Append("</g>");
            }

            foreach (var day in row.Marks.GroupBy(m => m.Date))
            {
                var onDay = day.ToList();
                for (var k = 0; k < onDay.Count; k++)
                {
                    var mark = onDay[k];
                    var label = Escape(BoardText.Mark(row, mark));
                    var colour = BoardPalette.Colour(mark.State);
                    svg.Append(Inv($"<g class=\"mark mark-{mark.State.ToString().ToLowerInvariant()}\" data-key=\"{Escape(mark.Key)}\" data-date=\"{mark.Date:yyyy-MM-dd}\" data-state=\"{BoardPalette.Word(mark.State)}\" tabindex=\"0\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>"));
                    Shape(svg, BoardPalette.Shape(mark.State), layout.DayCentre(mark.Date), layout.MarkY(i, k, onDay.Count), mark.State == MarkState.Conditional ? BoardPalette.Background : colour, colour, dashed: false);
                    svg.Append("</g>");
                }
            }

            if (row.Later.Count > 0)
            {
                var label = Escape(BoardText.Later(row));
                svg.Append(Inv($"<g class=\"later\" tabindex=\"0\" role=\"img\" aria-label=\"{label}\"><title>{label}</title><text x=\"{layout.Width - 12:0.#}\" y=\"{top + 21:0.#}\" font-size=\"12\" text-anchor=\"end\" fill=\"{BoardPalette.MutedText}\">»</text></g>"));
            }

            svg.Append("</g>");
        }

        svg.Append("</g>");
    }

    private static void Today(StringBuilder svg, BoardLayout layout)
    {
        var today = layout.Picture.Today;
        var x = layout.DayCentre(today);
        var label = Escape(BoardText.Today(today));
        svg.Append(Inv($"<g class=\"today\" id=\"today\" data-date=\"{today:yyyy-MM-dd}\" tabindex=\"0\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>"));
        svg.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"{BoardLayout.HeaderHeight - 4:0.#}\" x2=\"{x:0.#}\" y2=\"{layout.GridBottom:0.#}\" stroke=\"{BoardPalette.Today}\" stroke-width=\"2\"/>"));
        svg.Append(Inv($"<rect x=\"{layout.DayLeft(today):0.#}\" y=\"35\" width=\"{BoardLayout.DayWidth:0}\" height=\"13\" rx=\"3\" fill=\"{BoardPalette.Today}\"/>"));
        svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"45\" font-size=\"10\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#ffffff\">{today.Day}</text></g>"));
    }

    private static void Legend(StringBuilder svg, BoardLayout layout)
    {
        var y = layout.GridBottom + 20;
        double x = 8;
        svg.Append("<g class=\"legend\" aria-hidden=\"true\">");
        foreach (var state in new[] { MarkState.Done, MarkState.Due, MarkState.Overdue, MarkState.Moved, MarkState.Conditional })
        {
            var colour = BoardPalette.Colour(state);
            Shape(svg, BoardPalette.Shape(state), x + 6, y - 4, state == MarkState.Conditional ? BoardPalette.Background : colour, colour, dashed: false);
            var word = BoardPalette.Word(state);
            svg.Append(Inv($"<text x=\"{x + 16:0.#}\" y=\"{y:0.#}\" font-size=\"11\" fill=\"{BoardPalette.Text}\">{word}</text>"));
            x += 26 + (word.Length * 6.2);
        }

        Shape(svg, "diamond", x + 6, y - 4, "none", BoardPalette.Colour(MarkState.Moved), dashed: true);
        svg.Append(Inv($"<text x=\"{x + 16:0.#}\" y=\"{y:0.#}\" font-size=\"11\" fill=\"{BoardPalette.Text}\">original date</text>"));
        x += 110;
        foreach (var kind in new[] { WindowKind.Meeting, WindowKind.SignOff })
        {
            svg.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{y - 8:0.#}\" width=\"18\" height=\"7\" rx=\"3\" fill=\"{BoardPalette.Colour(kind)}\"/>"));
            svg.Append(Inv($"<text x=\"{x + 22:0.#}\" y=\"{y:0.#}\" font-size=\"11\" fill=\"{BoardPalette.Text}\">{BoardPalette.Word(kind)}</text>"));
            x += 130;
        }

        svg.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{y - 10:0.#}\" width=\"12\" height=\"12\" fill=\"{BoardPalette.Weekend}\" stroke=\"{BoardPalette.GridLine}\"/><text x=\"{x + 16:0.#}\" y=\"{y:0.#}\" font-size=\"11\" fill=\"{BoardPalette.Text}\">weekend</text>"));
        x += 80;
        svg.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{y - 10:0.#}\" width=\"12\" height=\"12\" fill=\"{BoardPalette.BankHoliday}\" stroke=\"{BoardPalette.GridLine}\"/><text x=\"{x + 16:0.#}\" y=\"{y:0.#}\" font-size=\"11\" fill=\"{BoardPalette.Text}\">bank holiday</text>"));
        svg.Append("</g>");
    }

    private static void Shape(StringBuilder svg, string shape, double cx, double cy, string fill, string stroke, bool dashed)
    {
        var s = BoardLayout.MarkSize;
        var dash = dashed ? " stroke-dasharray=\"2 2\"" : string.Empty;
        svg.Append(shape switch
        {
            "circle" => Inv($"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"{s - 1:0.#}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dash}/>"),
            "square" => Inv($"<rect x=\"{cx - s + 1:0.#}\" y=\"{cy - s + 1:0.#}\" width=\"{(2 * s) - 2:0.#}\" height=\"{(2 * s) - 2:0.#}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dash}/>"),
            _ => Inv($"<path d=\"M{cx:0.#} {cy - s:0.#}L{cx + s:0.#} {cy:0.#}L{cx:0.#} {cy + s:0.#}L{cx - s:0.#} {cy:0.#}Z\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dash}/>"),
        });
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
