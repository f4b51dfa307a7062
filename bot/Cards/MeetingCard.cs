using System.Globalization;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;

namespace TeamsReviewBot.Cards;

/// <summary>
/// The meeting card in a business manager's personal chat: the slots offered, each with who is free
/// and any statutory partner with nobody free, and a button to book it; once booked, the meeting's
/// time and Teams link. Case code only, never the child's details.
/// </summary>
public static class MeetingCard
{
    public const string BookVerb = "meeting.book";
    public const string CaseCodeField = "caseCode";
    public const string StartField = "start";
    public const string OutcomeVerb = "meeting.outcome";
    public const string LearningInput = "learning";
    public const string ReviewInput = "reviewRecommended";
    public const string LeadReviewerInput = "leadReviewer";
    public const string PresentInput = "partnersPresent";
    public const string MoveToProposedVerb = "meeting.moveToProposed";
    public const string AddressField = "address";
    public const string ShownAtField = "shownAt";
    public const string MoveReasonInput = "moveReason";

    public static JsonObject Slots(string caseCode, string meetingName, IReadOnlyList<MeetingSlot> slots, int invited)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"{meetingName} – {caseCode}"),
            AdaptiveCard.Text($"The best times in the playbook's window, from the calendars of the {invited} people invited. \"Availability unknown\" (someone outside the organisation) is not counted as free."),
        };
        var actions = new List<JsonNode>();
        foreach (var slot in slots)
        {
            var when = BritishDates.DateAndTime(slot.Start);
            var missing = slot.Quorate ? "every statutory partner has someone free" : $"nobody free for {Partners.List(slot.PartnersMissing)}";
            body.Add(AdaptiveCard.Facts([(when, $"{slot.Free.Count} of {slot.Free.Count + slot.NotFree.Count} free; {missing}")]));
            actions.Add(AdaptiveCard.ExecuteAction(
                $"Book {when}",
                BookVerb,
                new JsonObject { [CaseCodeField] = caseCode, [StartField] = slot.Start.ToString("o", CultureInfo.InvariantCulture) }));
        }

        if (slots.Count == 0)
        {
            body.Add(AdaptiveCard.Text("There is no working-hours time left in the window. Type \"meeting ‹case code› move ‹date› ‹time› ‹reason›\" once a meeting is booked, or agree a time and book it by hand."));
        }

        return AdaptiveCard.Create(body, actions);
    }

    /// <summary>The outcome form: which statutory partners were present (when the meeting is not yet
    /// recorded as held, so recording the outcome records the meeting held too), the learning
    /// identified, whether a practice review is recommended, and the lead reviewer or author. Shown
    /// only in the chair's or a business manager's own chat.</summary>
    public static JsonObject Outcome(string caseCode, IReadOnlyList<string>? quorumPartners = null)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Meeting outcome – {caseCode}"),
            AdaptiveCard.Text("Recording \"yes\" starts the deadlines that apply if a review is decided. Use the case code only; keep names and details to the secure papers."),
        };
        if (quorumPartners is { Count: > 0 })
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = PresentInput,
                ["label"] = "Statutory partners present at the meeting",
                ["style"] = "expanded",
                ["isMultiSelect"] = true,
                ["isRequired"] = true,
                ["errorMessage"] = "Tick the statutory partners who were present.",
                ["value"] = string.Join(",", quorumPartners),
                ["choices"] = new JsonArray([.. quorumPartners.Select(p => (JsonNode)new JsonObject { ["title"] = char.ToUpperInvariant(Partners.Name(p)[0]) + Partners.Name(p)[1..], ["value"] = p })]),
            });
        }

        body.AddRange(
        [
            new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = LearningInput,
                ["label"] = "Learning identified",
                ["isMultiline"] = true,
                ["maxLength"] = 2000,
                ["isRequired"] = true,
                ["errorMessage"] = "Record the learning identified.",
            },
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = ReviewInput,
                ["label"] = "Local Child Safeguarding Practice Review recommended?",
                ["style"] = "expanded",
                ["isRequired"] = true,
                ["errorMessage"] = "Choose yes, no or needs more information.",
                ["choices"] = new JsonArray(
                    new JsonObject { ["title"] = "Yes", ["value"] = ReviewRecommendations.Yes },
                    new JsonObject { ["title"] = "No", ["value"] = ReviewRecommendations.No },
                    new JsonObject { ["title"] = "Needs more information", ["value"] = ReviewRecommendations.NeedsMoreInformation }),
            },
            new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = LeadReviewerInput,
                ["label"] = "Lead reviewer or author",
                ["maxLength"] = 120,
            },
        ]);
        return AdaptiveCard.Create(body, [AdaptiveCard.ExecuteAction("Record the outcome", OutcomeVerb, new JsonObject { [CaseCodeField] = caseCode })]);
    }

    /// <summary>The booked meeting: when, the Teams link, and who has answered for each statutory
    /// partner of <paramref name="quorumPartners"/> (the playbook's quorum); then each new time an
    /// invitee proposed, with who is free then and whether it is inside the playbook's window, and a
    /// button to move the meeting there. <paramref name="notice"/> heads the card after a press.</summary>
    public static JsonObject Booked(CaseState state, IReadOnlyList<string> quorumPartners, IReadOnlyList<ProposedTime>? proposals = null, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var facts = new List<(string, string)> { ("When", BritishDates.DateAndTime(state.MeetingAt!.Value)) };
        if (state.MeetingJoinUrl is { } join)
        {
            facts.Add(("Teams", join));
        }

        var body = new List<JsonNode> { AdaptiveCard.Heading($"Meeting booked – {state.CaseCode}") };
        if (notice is not null)
        {
            body.Add(AdaptiveCard.Text(notice));
        }

        body.AddRange(
        [
            AdaptiveCard.Facts(facts),
            AdaptiveCard.Text("**Answers to the invitation**"),
            AdaptiveCard.Facts(MeetingAnswerFacts.For(state, quorumPartners)),
        ]);
        var actions = new List<JsonNode>();
        if (proposals is { Count: > 0 })
        {
            body.Add(AdaptiveCard.Text("**New times proposed** (London time; the meeting keeps its length)"));
            foreach (var proposal in proposals)
            {
                var when = BritishDates.DateAndTime(proposal.Start);
                body.Add(AdaptiveCard.Facts([($"{proposal.Name} proposes", $"{when}: {Availability(proposal)}; {(proposal.OutsideWindow is { } why ? $"outside the playbook's window ({why}), so a reason is needed" : "inside the playbook's window")}")]));
                actions.Add(AdaptiveCard.ExecuteAction(
                    proposals.Count == 1 ? "Move the meeting to this time" : $"Move the meeting to {when}",
                    MoveToProposedVerb,
                    new JsonObject
                    {
                        [CaseCodeField] = state.CaseCode,
                        [AddressField] = proposal.Address,
                        [StartField] = proposal.Start.ToString("o", CultureInfo.InvariantCulture),
                        [ShownAtField] = state.MeetingAt!.Value.ToString("o", CultureInfo.InvariantCulture),
                    }));
            }

            if (proposals.Any(p => p.OutsideWindow is not null))
            {
                body.Add(new JsonObject
                {
                    ["type"] = "Input.Text",
                    ["id"] = MoveReasonInput,
                    ["label"] = "Reason for moving the meeting outside the playbook's window",
                    ["maxLength"] = 500,
                });
            }
        }

        body.Add(AdaptiveCard.Text($"The invitation went to everyone invited; \"timetable {state.CaseCode}\" shows the deadlines that follow the meeting."));
        return AdaptiveCard.Create(body, actions);
    }

    private static string Availability(ProposedTime proposal) => proposal.Free is not { } free
        ? "the calendars could not be read just now, so who is free is not known"
        : $"{free} of {proposal.Invited} invited free" + (proposal.PartnersMissing.Count == 0 ? string.Empty : $", nobody free for {Partners.List(proposal.PartnersMissing)}");
}
