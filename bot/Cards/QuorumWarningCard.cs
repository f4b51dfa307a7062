using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>A deputy the partnership lists for a statutory partner nobody is coming for.</summary>
public sealed record QuorumDeputy(string Name, string Address, string PartnerName);

/// <summary>
/// Under the quorum warning in a business manager's personal chat: one "Invite ‹name›" button per
/// deputy listed for a missing partner, each adding that deputy to the same calendar event. Names
/// and work addresses of partnership staff only; the case code, never the child's details.
/// </summary>
public static class QuorumWarningCard
{
    public const string InviteVerb = "meeting.inviteDeputy";
    public const string CaseCodeField = "caseCode";
    public const string AddressField = "address";

    public static JsonObject Create(string caseCode, IReadOnlyList<QuorumDeputy> deputies)
    {
        ArgumentNullException.ThrowIfNull(deputies);
        var body = new List<JsonNode> { AdaptiveCard.Heading($"Meeting not quorate yet – {caseCode}") };
        body.Add(deputies.Count == 0
            ? AdaptiveCard.Text($"No deputy is listed for the missing partner. Type \"meeting {caseCode} invite ‹email address›\" to add someone to the same invitation.")
            : AdaptiveCard.Text("Add a deputy to the same invitation: Microsoft 365 sends them the meeting and the others are not invited again."));
        if (deputies.Count > 0)
        {
            body.Add(AdaptiveCard.Facts(deputies.Select(d => (d.Name, $"deputy for {d.PartnerName}, {d.Address}"))));
        }

        return AdaptiveCard.Create(
            body,
            deputies.Select(d => (JsonNode)AdaptiveCard.ExecuteAction(
                $"Invite {d.Name}",
                InviteVerb,
                new JsonObject { [CaseCodeField] = caseCode, [AddressField] = d.Address })));
    }
}
