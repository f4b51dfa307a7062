using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>One signing seat's line in the tally: the seat, and who answered and how (or null).</summary>
public sealed record SignOffTallyLine(string SeatTitle, string? Answer);

/// <summary>What a sign-off card shows: the case code (never a child's details), the report version
/// and hash, the seat the reader signs for, the tally, and where the rule stands.</summary>
public sealed record SignOffCardView(
    string CaseCode,
    string PartnershipName,
    string SeatTitle,
    bool ByDeputy,
    int Version,
    string Sha256,
    string VersionAt,
    IReadOnlyList<SignOffTallyLine> Tally,
    string Standing,
    string? MyAnswer,
    bool Closed);

/// <summary>
/// The sign-off card sent to a signing partner's personal chat: the version and its hash, the three
/// answers, and one text box for comments or, for "do not sign off", the reason (required: the bot
/// refuses the answer without one).
/// </summary>
public static class SignOffCard
{
    public const string Verb = "sign-off";

    public static JsonObject Personal(SignOffCardView view, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Sign-off: Rapid Review report for {view.CaseCode}"),
            AdaptiveCard.Facts(
            [
                ("Partnership", view.PartnershipName),
                ("Report version", $"{view.Version} ({view.VersionAt})"),
                ("SHA-256", view.Sha256.Length > 12 ? view.Sha256[..12] + "…" : view.Sha256),
                ("You sign for", view.SeatTitle + (view.ByDeputy ? " (as deputy)" : string.Empty)),
            ]),
            AdaptiveCard.Text("The report was emailed from the partnership mailbox; check that the version hash in that email matches before you answer.", subtle: true),
        };
        if (notice is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = notice, ["wrap"] = true, ["color"] = "Attention" });
        }

        body.Add(AdaptiveCard.Text("Sign-off so far", size: "Medium"));
        body.Add(AdaptiveCard.Facts(view.Tally.Select(l => (l.SeatTitle, l.Answer ?? "waiting"))));
        body.Add(AdaptiveCard.Text(view.Standing, subtle: true));
        if (view.MyAnswer is not null)
        {
            body.Add(AdaptiveCard.Text(view.MyAnswer));
        }

        if (view.Closed)
        {
            return AdaptiveCard.Create(body);
        }

        body.Add(CardInputs.Text("comments", "Comments, or your reason if you do not sign off (required then)", multiline: true, maxLength: 2000));
        var actions = new[]
        {
            Action("Sign off", "sign-off", view),
            Action("Sign off with comments", "sign-off-with-comments", view),
            Action("Do not sign off", "do-not-sign-off", view),
        };
        return AdaptiveCard.Create(body, actions);
    }

    private static JsonObject Action(string title, string choice, SignOffCardView view) => AdaptiveCard.ExecuteAction(title, Verb, new JsonObject
    {
        ["caseCode"] = view.CaseCode,
        ["version"] = view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sha256"] = view.Sha256,
        ["choice"] = choice,
    });
}
