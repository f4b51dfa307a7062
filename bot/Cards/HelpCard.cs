using System.Text.Json.Nodes;
using TeamsReviewBot.Commands;

namespace TeamsReviewBot.Cards;

/// <summary>The answer to "help": what the bot is for and the commands it has.</summary>
public static class HelpCard
{
    public static JsonObject Build(IReadOnlyList<IChatCommand> commands)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading("TeamsReviewBot"),
            AdaptiveCard.Text(
                "I run your partnership's Rapid Reviews: I open a case for each referral that reaches the partnership mailbox, "
                + "put the threshold decision to the panel, "
                + "send and chase agencies' information requests, book the Rapid Review meeting as a Teams meeting "
                + "and keep every deadline in working days."),
            AdaptiveCard.Text("Commands", size: "Medium"),
            AdaptiveCard.Facts(commands.Select(c => (c.Usage, c.Summary))),
            AdaptiveCard.Text("Case cards never show a child's name, date of birth or address.", subtle: true),
        };
        return AdaptiveCard.Create(body);
    }
}
