using System.Globalization;
using System.Text;
using TeamsReviewBot.Process.Board;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Board;

/// <summary>
/// The tab's HTML: a page around a fragment. The fragment (filters, the SVG board, a case's
/// timetable and trail) is what /board/view returns to the page's script in Teams; without
/// JavaScript (development mode) the page carries it already and refreshes itself.
/// </summary>
public static class BoardHtml
{
    public const int RefreshSeconds = 60;

    /// <summary>A whole page. <paramref name="fragment"/> is null while the script still has to sign in through Teams.</summary>
    public static string Page(string title, string? fragment, bool refresh)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refresh && fragment is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{RefreshSeconds}\">");
        }

        html.Append("<title>").Append(E(title)).Append("</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/board/assets/board.css\">");
        html.Append("<script src=\"/board/assets/MicrosoftTeams.min.js\" defer></script>");
        html.Append("<script src=\"/board/assets/board.js\" defer></script>");
        html.Append(CultureInfo.InvariantCulture, $"</head><body data-refresh=\"{RefreshSeconds}\" data-signed-in=\"{(fragment is null ? "false" : "true")}\">");
        html.Append("<main id=\"board-content\" aria-live=\"polite\">");
        html.Append(fragment ?? "<p class=\"status\" id=\"signing-in\">Signing you in through Teams…</p><noscript><p class=\"problem\">The case board signs you in through Teams, which needs JavaScript. Open it as a tab in Teams.</p></noscript>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    public static string Problem(string sentence) => $"<h1>Case board</h1><p class=\"problem\" role=\"alert\">{E(sentence)}</p>";

    public static string Board(BoardView view, IEnumerable<Playbook> playbooks, BoardLinks links, string viewerName)
    {
        var picture = view.Picture;
        var query = view.Query;
        var html = new StringBuilder();
        html.Append("<h1>Case board</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"status\" id=\"current-at\">For {E(viewerName)}. Current at {E(BritishDates.DateAndTime(picture.Now))}; refreshes every minute. {E(BoardText.Summary(picture))}</p>");
        html.Append("<form class=\"filters\" method=\"get\" action=\"/board\" aria-label=\"Filter the board\">");
        foreach (var (key, value) in links.Carried)
        {
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{E(key)}\" value=\"{E(value)}\">");
        }

        html.Append("<label>Partnership <select name=\"partnership\"><option value=\"\">All</option>");
        foreach (var playbook in playbooks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(playbook.Key)}\"{(playbook.Key == query.Partnership ? " selected" : string.Empty)}>{E(playbook.Name)}</option>");
        }

        html.Append("</select></label> <label>Stage <select name=\"stage\"><option value=\"\">All</option>");
        foreach (var stage in Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Closed))
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{stage}\"{(stage == query.Stage ? " selected" : string.Empty)}>{E(CaseStageNames.Describe(stage))}</option>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</select></label> <label><input type=\"checkbox\" name=\"needs\" value=\"me\"{(query.NeedsMe ? " checked" : string.Empty)}> Needs me</label> <button type=\"submit\">Show</button>");
        html.Append(CultureInfo.InvariantCulture, $" <a href=\"{E(links.Board(query with { NeedsMe = !query.NeedsMe }))}\">{(query.NeedsMe ? "Show every case" : "Only what needs me")}</a>");
        html.Append(CultureInfo.InvariantCulture, $" <a href=\"{E(links.Board(BoardQuery.All))}\">Clear filters</a></form>");
        if (picture.Rows.Count == 0)
        {
            html.Append(view.OpenCases == 0
                ? "<p class=\"empty\">There are no open cases for you to see.</p>"
                : "<p class=\"empty\">No open case matches these filters.</p>");
        }

        html.Append("<div class=\"board-scroll\" tabindex=\"0\" aria-label=\"The board; scroll sideways for later days\">");
        html.Append(SvgBoardRenderer.Render(picture, links.Case));
        html.Append("</div>");
        return html.ToString();
    }

    public static string Case(CaseState state, Playbook playbook, IReadOnlyList<CaseDeadline> deadlines, IReadOnlyList<string> trail, BoardLinks links)
    {
        const int TrailLines = 12;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(links.Board(BoardQuery.All))}\">← Back to the board</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(state.CaseCode)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"status\">{E(playbook.Name)} · {E(CaseStageNames.Describe(state.Stage))} · {E(WorkingDayNumbering.DescribeStart(playbook.Clock, state.DayZero))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Timetable</h2><table class=\"timetable\"><thead><tr><th scope=\"col\">Deadline</th><th scope=\"col\">{E(WorkingDayNumbering.AsHeading(WorkingDayNumbering.DayWord(playbook.Clock)))}</th><th scope=\"col\">Due</th><th scope=\"col\">State</th></tr></thead><tbody>");
        foreach (var deadline in deadlines)
        {
            var entry = deadline.Entry;
            var status = deadline.Status switch
            {
                DeadlineStatus.Done => "done" + (deadline.DoneAt is { } at ? " " + BritishDates.DateAndTime(at) : string.Empty),
                DeadlineStatus.Overdue => "overdue",
                DeadlineStatus.Conditional => "only if decided",
                _ => "due",
            };
            var moved = entry.OriginalDueAt is { } original ? $" (moved from {BritishDates.DateAndTime(original)})" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"state-{deadline.Status.ToString().ToLowerInvariant()}\"><th scope=\"row\">{E(entry.Name)}</th><td>{entry.DayNumber}</td><td>{E(BritishDates.DateAndTime(entry.DueAt) + moved)}</td><td>{E(status)}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Audit trail</h2><p class=\"status\">{trail.Count} entr{(trail.Count == 1 ? "y" : "ies")}{(trail.Count > TrailLines ? $"; the latest {TrailLines} are shown, newest first" : ", newest first")}. The whole trail is on the case's record.</p><ol class=\"trail\">");
        foreach (var line in trail.Reverse().Take(TrailLines))
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        html.Append("</ol>");
        return html.ToString();
    }

    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
}
