using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>One acknowledgement of a connection check: who, and when.</summary>
public sealed record CheckAcknowledgement(string Name, DateTimeOffset At);

/// <summary>
/// What a connection-check card shows. <see cref="ViewerAcknowledgedAt"/> and
/// <see cref="ViewerMayAcknowledge"/> make it one person's view (refresh.userIds); without a
/// viewer it is the shared copy everyone else sees.
/// </summary>
public sealed record ConnectionCheckView(
    string CheckId,
    string ChannelName,
    string? TeamName,
    DateTimeOffset PostedAt,
    string PostedBy,
    IReadOnlyList<CheckAcknowledgement> Acknowledgements,
    IReadOnlyList<string> RefreshUserIds,
    bool IsPersonalView = false,
    bool ViewerMayAcknowledge = true,
    DateTimeOffset? ViewerAcknowledgedAt = null);

/// <summary>
/// "TeamsReviewBot is connected to this channel": posted by check-channels into every channel the
/// bot is installed in, so a business manager sees the bot can post there and confirms it with
/// Acknowledge (Action.Execute, Action.Submit fallback for older clients).
/// </summary>
public static class ConnectionCheckCard
{
    public const string AcknowledgeVerb = "connectionCheck.acknowledge";
    public const string RefreshVerb = "connectionCheck.refresh";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static JsonObject Build(ConnectionCheckView view)
    {
        var facts = new List<(string, string)>
        {
            ("Channel", view.ChannelName),
            ("Checked", $"{UkTime(view.PostedAt)} by {view.PostedBy}"),
        };
        if (view.TeamName is not null)
        {
            facts.Insert(0, ("Team", view.TeamName));
        }

        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading("TeamsReviewBot is connected to this channel"),
            AdaptiveCard.Text("I can post here without being asked first, so case cards, reminders and escalations for this partnership will reach this channel."),
            AdaptiveCard.Facts(facts),
            AdaptiveCard.Text(view.Acknowledgements.Count == 0 ? "Not acknowledged yet" : $"Acknowledged ({view.Acknowledgements.Count})", size: "Medium"),
        };
        if (view.Acknowledgements.Count == 0)
        {
            body.Add(AdaptiveCard.Text("A business manager confirms the check with Acknowledge.", subtle: true));
        }
        else
        {
            body.Add(AdaptiveCard.Facts(view.Acknowledgements.Select(a => ("Acknowledged by " + a.Name, UkTime(a.At)))));
        }

        if (view.ViewerAcknowledgedAt is { } mine)
        {
            body.Add(AdaptiveCard.Text($"You acknowledged this check on {UkTime(mine)}.", subtle: true));
        }

        var data = new JsonObject { ["checkId"] = view.CheckId };
        var showButton = view.ViewerAcknowledgedAt is null && view.ViewerMayAcknowledge;
        var card = AdaptiveCard.Create(body, showButton ? [AdaptiveCard.ExecuteAction("Acknowledge", AcknowledgeVerb, data)] : null);
        card["refresh"] = new JsonObject
        {
            ["action"] = AdaptiveCard.ExecuteAction("Refresh", RefreshVerb, data, withFallback: false),
            ["userIds"] = new JsonArray([.. view.RefreshUserIds.Take(AdaptiveCard.MaxRefreshUserIds).Select(id => (JsonNode)id)]),
        };
        return card;
    }

    private static string UkTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, London).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}
