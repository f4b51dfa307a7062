using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>What the submission card shows a business manager: the case code (never a child's
/// details), the report version and hash, who signed, the covering letter, the addressee and the
/// deadline; <paramref name="Submitted"/> once it went, and <paramref name="SignedOff"/> false when
/// the sign-off rule is not met (a reason is then required).</summary>
public sealed record SubmissionCardView(
    string CaseCode,
    string PartnershipName,
    int Version,
    string Sha256,
    IReadOnlyList<string> SignedBy,
    string CoveringLetter,
    string Addressee,
    string Deadline,
    bool SignedOff,
    string? Submitted);

/// <summary>
/// The card a business manager gets in personal chat once the report is signed off: everything that
/// will go to the National Panel, and one "Submit" button that emails it from the partnership mailbox.
/// </summary>
public static class SubmissionCard
{
    public const string Verb = "submit-report";

    public static JsonObject Personal(SubmissionCardView view, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Submit to the National Panel: {view.CaseCode}"),
            AdaptiveCard.Facts(
            [
                ("Partnership", view.PartnershipName),
                ("Report version", view.Version.ToString(CultureInfo.InvariantCulture)),
                ("SHA-256", view.Sha256.Length > 12 ? view.Sha256[..12] + "…" : view.Sha256),
                ("Signed off by", view.SignedBy.Count == 0 ? "nobody yet" : string.Join("; ", view.SignedBy)),
                ("To", view.Addressee),
                ("Due by", view.Deadline),
            ]),
        };
        if (notice is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = notice, ["wrap"] = true, ["color"] = "Attention" });
        }

        if (view.Submitted is { } submitted)
        {
            body.Add(AdaptiveCard.Text(submitted));
            return AdaptiveCard.Create(body);
        }

        body.Add(AdaptiveCard.Text("Covering letter (the email's text; the report is attached)", size: "Medium"));
        body.Add(AdaptiveCard.Text(view.CoveringLetter, subtle: true));
        if (!view.SignedOff)
        {
            body.Add(CardInputs.Text("reason", "The sign-off rule is not met yet: your reason for submitting now (required, kept on the case)", multiline: true, maxLength: 1000));
        }

        var data = new JsonObject
        {
            ["caseCode"] = view.CaseCode,
            ["version"] = view.Version.ToString(CultureInfo.InvariantCulture),
            ["sha256"] = view.Sha256,
        };
        return AdaptiveCard.Create(body, [AdaptiveCard.ExecuteAction("Submit", Verb, data)]);
    }
}
