using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Cards;

/// <summary>
/// The business manager ticks the agencies a case's information requests go to; the agencies the
/// referral names come pre-ticked. The child reference (initials and date of birth, as the
/// seeds' forms ask) goes only into the letters; the card is sent to the business manager's personal
/// chat, never to the channel. It says when the requests will leave, as the playbook's rule has it:
/// as soon as Send requests is pressed, or at the start of a later send day.
/// </summary>
public static class AgencySelectionCard
{
    public const string Verb = "requests.send";
    public const string AgenciesInput = "agencies";
    public const string ChildInput = "childReference";

    public static JsonObject Create(string caseCode, IReadOnlyList<AgencyContact> directory, IEnumerable<string> named, RequestSendMoment send, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(send);
        var ticked = directory
            .Where(a => (named ?? []).Any(n => string.Equals(n.Trim(), a.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.Name);
        var choices = new JsonArray([.. directory.Select(a => (JsonNode)new JsonObject
        {
            ["title"] = $"{a.Name} ({a.Kind})",
            ["value"] = a.Name,
        })]);
        var data = new JsonObject { ["caseCode"] = caseCode };
        var fallbackData = (JsonObject)data.DeepClone();
        fallbackData["verb"] = Verb;
        return AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"Information requests – {caseCode}"),
                AdaptiveCard.Text($"{WhenTheyGo(send)} They are due back by {BritishDates.Date(dueOn)}. Tick every agency that knew the child or family."),
                new JsonObject
                {
                    ["type"] = "Input.ChoiceSet",
                    ["id"] = AgenciesInput,
                    ["label"] = "Agencies",
                    ["isMultiSelect"] = true,
                    ["style"] = "expanded",
                    ["isRequired"] = true,
                    ["errorMessage"] = "Tick at least one agency.",
                    ["value"] = string.Join(',', ticked),
                    ["choices"] = choices,
                },
                new JsonObject
                {
                    ["type"] = "Input.Text",
                    ["id"] = ChildInput,
                    ["label"] = "Child reference for the letters (initials and date of birth)",
                    ["placeholder"] = "e.g. J.S., born 02/03/2015",
                    ["maxLength"] = 80,
                    ["isRequired"] = true,
                    ["errorMessage"] = "Agencies need the child's initials and date of birth to find their records.",
                },
            ],
            [
                new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["title"] = "Send requests",
                    ["verb"] = Verb,
                    ["data"] = data,
                    ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send requests", ["data"] = fallbackData },
                },
            ]);
    }

    /// <summary>When the letters leave, in the words the business manager reads before pressing Send requests.</summary>
    public static string WhenTheyGo(RequestSendMoment send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return send.OnSending
            ? "The requests go out as soon as you press Send requests."
            : $"The requests go out on {BritishDates.DateAndTime(send.At)}, the start of the day they are due to be sent.";
    }
}
