using TeamsReviewBot.Tests.Infrastructure;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Playbooks;

/// <summary>Every choice a playbook makes where its seed is silent or contradicts itself is written
/// down, word for word, in docs/process-rules.md, so a partnership can read where the bot chose.</summary>
public sealed class PlaybookChoicesTests
{
    [Fact]
    public void Every_playbook_choice_is_listed_in_the_process_rules_page()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "docs", "process-rules.md"));
        var choices = Catalogue.All.SelectMany(p => p.CitedValues().Where(c => c.Value.Choice is not null).Select(c => (p.Key, c.Field, Choice: c.Value.Choice!))).ToList();

        Assert.True(choices.Count >= 15, $"only {choices.Count} choices recorded");
        Assert.All(choices, c => Assert.True(page.Contains(c.Choice, StringComparison.Ordinal), $"{c.Key} {c.Field}: the choice is not in docs/process-rules.md"));
    }

    [Theory]
    [InlineData("oldham", "decision")]
    [InlineData("tameside", "decision")]
    [InlineData("tameside", "signOff")]
    [InlineData("salford", "decision")]
    [InlineData("west-midlands", "decision")]
    [InlineData("west-midlands", "decision.dispute")]
    [InlineData("west-midlands", "clock")]
    [InlineData("gloucestershire", "decision")]
    public void The_decision_rules_the_seeds_leave_open_record_their_choice(string partnership, string field)
    {
        var cited = Playbook(partnership).CitedValues().Single(c => c.Field == field).Value;

        Assert.False(string.IsNullOrWhiteSpace(cited.Choice), $"{partnership} {field} has no recorded choice");
    }
}
