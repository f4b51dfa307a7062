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

    public static JsonObject Booked(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var facts = new List<(string, string)> { ("When", BritishDates.DateAndTime(state.MeetingAt!.Value)) };
        if (state.MeetingJoinUrl is { } join)
        {
            facts.Add(("Teams", join));
        }

        return AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"Meeting booked – {state.CaseCode}"),
                AdaptiveCard.Facts(facts),
                AdaptiveCard.Text($"The invitation went to everyone invited; \"timetable {state.CaseCode}\" shows the deadlines that follow the meeting."),
            ]);
    }
}
