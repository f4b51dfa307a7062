using System.Text.Json.Nodes;
using TeamsReviewBot.Workflows.BusinessManager;

namespace TeamsReviewBot.Cards;

/// <summary>The answer to "case ‹code›": one card with where the case stands and whom it waits for,
/// a link to its thread and a button that asks for its timetable. Case code only; no child's details.</summary>
public static class CaseGlanceCard
{
    public static JsonObject Build(CaseGlance glance)
    {
        ArgumentNullException.ThrowIfNull(glance);
        var facts = new List<(string, string)>
        {
            ("Stage", glance.Stage),
            ("Next deadline", glance.NextDeadline),
            ("Meeting", glance.Meeting),
            ("Sign-off", glance.SignOff),
        };
        if (glance.CrossBoundary is { } crossBoundary)
        {
            facts.Add(("Cross-boundary", crossBoundary));
        }

        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Case {glance.CaseCode}"),
            AdaptiveCard.Text(glance.Partnership, subtle: true),
            AdaptiveCard.Facts(facts),
            AdaptiveCard.Text("**Waiting for**"),
            AdaptiveCard.Text(glance.WaitingFor.Count == 0 ? "Nobody: nothing is waiting on a named person or agency." : string.Join("\n\n", glance.WaitingFor.Select(w => "- " + w))),
            AdaptiveCard.Text("**Roles**"),
            AdaptiveCard.Text(glance.Roles.Count == 0 ? $"None assigned yet: \"assign {glance.CaseCode} chair ‹person›\"." : string.Join("\n\n", glance.Roles.Select(r => "- " + r))),
        };

        var actions = new List<JsonNode>();
        if (glance.ThreadUrl is { } thread)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the case's thread", ["url"] = thread });
        }

        if (glance.MeetingJoinUrl is { } join)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Join the meeting", ["url"] = join });
        }

        // imBack: Teams sends the text as if the person typed it, so the button runs "timetable" itself.
        actions.Add(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = "Timetable",
            ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = $"timetable {glance.CaseCode}" } },
        });
        return AdaptiveCard.Create(body, actions);
    }

    public static string Text(CaseGlance glance)
    {
        ArgumentNullException.ThrowIfNull(glance);
        return $"{glance.CaseCode}: {glance.Stage}; next deadline: {glance.NextDeadline}.";
    }
}
