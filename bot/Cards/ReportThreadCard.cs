using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>What the report's card in the case's thread shows: the case code, the current version and
/// its hash, the comment window, and who commented when (never what they wrote: the thread is a
/// channel, and a comment may name the child).</summary>
public sealed record ReportThreadView(
    string CaseCode,
    int Version,
    string Sha256,
    string VersionAt,
    string? Replaces,
    string Window,
    bool TakesComments,
    IReadOnlyList<string> CommentLines,
    IReadOnlyList<SignOffTallyLine>? SignOffTally = null,
    string? SignOffStanding = null);

/// <summary>
/// The report's card in the case's thread. "Comment" opens a text box on the card
/// (Action.ShowCard with an Input.Text) and sends it with Action.Execute; the bot records the
/// comment with who and when, and the card lists "comment from X at T".
/// </summary>
public static class ReportThreadCard
{
    public const string CommentVerb = "report-comment";

    public static JsonObject Create(ReportThreadView view, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Rapid Review report for {view.CaseCode}: version {view.Version}"),
            AdaptiveCard.Facts(
            [
                ("Version", $"{view.Version} ({view.VersionAt})"),
                ("SHA-256", view.Sha256.Length > 12 ? view.Sha256[..12] + "…" : view.Sha256),
                ("Comments", view.Window),
            ]),
        };
        if (view.Replaces is not null)
        {
            body.Add(AdaptiveCard.Text(view.Replaces));
        }

        body.Add(AdaptiveCard.Text("The report went to its author and the business managers from the partnership mailbox. Comments are kept on the case's record; this thread shows only who commented and when.", subtle: true));
        if (notice is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = notice, ["wrap"] = true, ["color"] = "Attention" });
        }

        body.Add(AdaptiveCard.Text(view.CommentLines.Count == 0 ? "No comments yet." : $"Comments so far: {view.CommentLines.Count}", size: "Medium"));
        foreach (var line in view.CommentLines)
        {
            body.Add(AdaptiveCard.Text(line));
        }

        if (view.SignOffTally is { Count: > 0 } tally)
        {
            // Names and seats only: the thread is a channel.
            body.Add(AdaptiveCard.Text($"Sign-off of version {view.Version}", size: "Medium"));
            body.Add(AdaptiveCard.Facts([.. tally.Select(l => (l.SeatTitle, l.Answer ?? "waiting"))]));
            if (view.SignOffStanding is not null)
            {
                body.Add(AdaptiveCard.Text(view.SignOffStanding));
            }
        }

        if (!view.TakesComments)
        {
            return AdaptiveCard.Create(body);
        }

        var form = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(CardInputs.Text("comment", "Your comment on this version", multiline: true, maxLength: 4000)),
            ["actions"] = new JsonArray(AdaptiveCard.ExecuteAction("Send comment", CommentVerb, new JsonObject
            {
                ["caseCode"] = view.CaseCode,
                ["version"] = view.Version.ToString(CultureInfo.InvariantCulture),
            })),
        };
        return AdaptiveCard.Create(body, [new JsonObject { ["type"] = "Action.ShowCard", ["title"] = "Comment", ["card"] = form }]);
    }
}
