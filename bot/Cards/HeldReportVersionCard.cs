using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>What the question card about a held report file shows: the case code (never the file's
/// name or a child's details), the version it would become, the version it would supersede, what it
/// would void in lines such as "Police: signed off", and until when the file is kept.</summary>
public sealed record HeldReportVersionView(
    string CaseCode,
    string Sha256,
    int NewVersion,
    int OverVersion,
    IReadOnlyList<string> Voids,
    bool VoidsComplianceCheck,
    string HeldUntil);

/// <summary>
/// Asks the person who attached a report file in their personal chat whether it should become the
/// next version, when doing so would void answers given on the current one: "Store as version N" or
/// "Don't store". Only the person who attached it may answer (the handler checks); the answer
/// replaces the card with what happened.
/// </summary>
public static class HeldReportVersionCard
{
    public const string Verb = "report-version-held";
    public const string Store = "store";
    public const string Discard = "discard";

    public static JsonObject Question(HeldReportVersionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var again = view.VoidsComplianceCheck
            ? "Each signing partner will be asked again to sign off, and the business manager's check recorded again, on the new version."
            : "Each signing partner will be asked again to sign off the new version.";
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Make this file version {view.NewVersion} of the report for {view.CaseCode}?"),
            AdaptiveCard.Text($"Storing it voids what was given on version {view.OverVersion}:"),
            AdaptiveCard.Facts(view.Voids.Select(Fact)),
            AdaptiveCard.Text(again),
            AdaptiveCard.Text($"SHA-256 {Short(view.Sha256)}. I keep the file until {view.HeldUntil}; if you choose nothing by then it is deleted and nothing is stored.", subtle: true),
        };
        return AdaptiveCard.Create(body,
        [
            AdaptiveCard.ExecuteAction($"Store as version {view.NewVersion}", Verb, Data(view, Store)),
            AdaptiveCard.ExecuteAction("Don't store", Verb, Data(view, Discard)),
        ]);
    }

    /// <summary>The card once answered (or no longer answerable): what happened, no buttons.</summary>
    public static JsonObject Outcome(string caseCode, string heading, string text) => AdaptiveCard.Create(
    [
        AdaptiveCard.Heading($"{heading}: report for {caseCode}"),
        AdaptiveCard.Text(text),
    ]);

    private static (string Title, string Value) Fact(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? (line, string.Empty) : (line[..colon], line[(colon + 2)..]);
    }

    private static JsonObject Data(HeldReportVersionView view, string choice) => new()
    {
        ["caseCode"] = view.CaseCode,
        ["sha256"] = view.Sha256,
        ["choice"] = choice,
    };

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;
}
