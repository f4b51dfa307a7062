using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;

namespace TeamsReviewBot.Tests.Cards;

/// <summary>
/// Sample output of every card builder in bot/Cards, in each of its shapes. The validation test
/// finds the builders by reflection and fails for any builder missing here, so a new card cannot
/// escape the official parser.
/// </summary>
public static class CardSamples
{
    private static readonly DateTimeOffset Posted = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, Func<IServiceProvider, IEnumerable<(string Name, JsonObject Card)>>> ByBuilder { get; } =
        new Dictionary<string, Func<IServiceProvider, IEnumerable<(string, JsonObject)>>>
        {
            ["HelpCard.Build"] = services =>
            [
                ("help, every registered command", HelpCard.Build([.. services.GetRequiredService<CommandCatalogue>().All])),
                ("help, no commands", HelpCard.Build([])),
            ],
            ["ConnectionCheckCard.Build"] = _ =>
            [
                ("connection check, shared, nobody yet", ConnectionCheckCard.Build(new ConnectionCheckView("c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [], ["29:a", "29:b"]))),
                ("connection check, shared, acknowledged", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", null, Posted, "Ada Lovelace", [new CheckAcknowledgement("Ada Lovelace", Posted.AddMinutes(2)), new CheckAcknowledgement("Grace Hopper", Posted.AddMinutes(3))], []))),
                ("connection check, personal, acknowledged", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [new CheckAcknowledgement("Ada Lovelace", Posted.AddMinutes(2))], [], IsPersonalView: true, ViewerAcknowledgedAt: Posted.AddMinutes(2)))),
                ("connection check, personal, may not acknowledge", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [], ["29:a"], IsPersonalView: true, ViewerMayAcknowledge: false))),
                ("connection check, more than 60 pending", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [], [.. Enumerable.Range(0, 70).Select(i => $"29:user-{i}")]))),
            ],
        };
}
