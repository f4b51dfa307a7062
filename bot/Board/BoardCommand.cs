using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Board;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Board;

/// <summary>
/// "board [‹partnership›]": the case board as a picture in the business manager's personal chat,
/// for reading on a phone. The PNG travels inside the card as a data: URL (Teams does not count a
/// base64 image against a message's size limit), at most 1024 pixels a side and
/// <see cref="MaxRows"/> cases, the most pressing first; the tab has the rest.
/// </summary>
public sealed class BoardCommand(BoardReader reader, CaseService cases) : IChatCommand
{
    /// <summary>Enough to read on a phone once scaled to 1024 pixels.</summary>
    public const int MaxRows = 20;

    /// <summary>Teams shows pictures up to 1 MB.</summary>
    public const int MaxPngBytes = 1024 * 1024;

    public string Name => "board";

    public string Usage => "board [‹partnership›]";

    public string Summary => "Posts the case board as a picture: every open case's deadlines on a timeline, today marked, overdue in red.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers(
        "Only a business manager can post the case board.", "the board shows every open case of the partnership");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var named = request.Arguments.Trim();
        string? partnership = null;
        if (named.Length > 0)
        {
            var playbook = cases.Playbooks.Find(named.ToLowerInvariant());
            if (playbook is null)
            {
                return CommandReply.Message($"I don't know the partnership '{(named.Length <= 40 ? named : named[..40] + "…")}'. I know: {string.Join(", ", cases.Playbooks.Keys)}.");
            }

            partnership = playbook.Key;
        }

        var view = await reader.ReadAsync(new BoardViewer(IsBusinessManager: true, new HashSet<string>()), BoardQuery.All with { Partnership = partnership }, cancellationToken).ConfigureAwait(false);
        var picture = view.Picture;
        if (picture.Rows.Count == 0)
        {
            return CommandReply.Message("There are no open cases to draw.");
        }

        var shown = picture.Rows.Count <= MaxRows
            ? picture
            : reader.Builder.Picture(MostPressing(picture.Rows).Take(MaxRows), picture.Now);
        var png = PngBoardRenderer.Render(shown);
        var summary = BoardText.Summary(picture);
        var more = shown.Rows.Count < picture.Rows.Count
            ? $" The picture shows the {shown.Rows.Count} most pressing of {picture.Rows.Count}; the Case board tab shows them all."
            : string.Empty;
        if (png.Length > MaxPngBytes)
        {
            return CommandReply.Message($"{summary} The picture is too large for Teams to show in chat; open the Case board tab.");
        }

        var card = AdaptiveCard.Create(
        [
            AdaptiveCard.Heading("Case board"),
            AdaptiveCard.Text(summary + more, subtle: true),
            new JsonObject
            {
                ["type"] = "Image",
                ["url"] = "data:image/png;base64," + Convert.ToBase64String(png),
                ["altText"] = summary,
                ["msTeams"] = new JsonObject { ["allowExpand"] = true },
            },
            AdaptiveCard.Text("Overdue deadlines are red squares, due ones blue diamonds, done ones green circles, moved ones amber with the original date ghosted; the purple line is today. Open the Case board tab for filters and each case's timetable.", subtle: true),
        ]);
        return CommandReply.WithCard(card, summary + more);
    }

    /// <summary>Overdue first, then by the next deadline still to come.</summary>
    private static IEnumerable<BoardRow> MostPressing(IEnumerable<BoardRow> rows) => rows
        .OrderByDescending(r => r.Marks.Concat(r.Later).Any(m => m.State == MarkState.Overdue))
        .ThenBy(r => r.Marks.Concat(r.Later).Where(m => m.State is MarkState.Due or MarkState.Moved or MarkState.Overdue).Select(m => m.DueAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min())
        .ThenBy(r => r.CaseCode, StringComparer.Ordinal);
}
