using System.Text.Json.Nodes;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>
/// Business managers' notices after many decisions at once: the first goes out alone at once, and
/// those that arrive while a post is on its way go out together, so one chat's Teams allowance is
/// not spent one case at a time.
/// </summary>
public sealed class ManagerNoticeBatchesTests
{
    [Fact]
    public async Task Notices_that_wait_behind_a_post_go_out_together_in_one_message_and_each_is_told_it_was_sent()
    {
        var teams = new HeldChat();
        var batches = new ManagerNoticeBatches(teams);

        var first = batches.AlertAsync("Case RR-OLD-2026-0001 (Oldham): the threshold decision is \"Rapid Review\".", CancellationToken.None);
        await teams.Posting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = Enumerable.Range(2, 3)
            .Select(i => batches.AlertAsync($"Case RR-OLD-2026-000{i} (Oldham): the threshold decision is \"Single agency\".", CancellationToken.None))
            .ToList();
        teams.Release.SetResult();

        Assert.Equal(1, await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.All(await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(10)), reached => Assert.Equal(1, reached));
        Assert.Equal(2, teams.Sent.Count);
        Assert.Equal("Case RR-OLD-2026-0001 (Oldham): the threshold decision is \"Rapid Review\".", teams.Sent[0]);
        Assert.StartsWith("3 cases need you after their threshold decision:", teams.Sent[1], StringComparison.Ordinal);
        foreach (var code in new[] { "RR-OLD-2026-0002", "RR-OLD-2026-0003", "RR-OLD-2026-0004" })
        {
            Assert.Contains(code, teams.Sent[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task More_notices_waiting_than_one_message_holds_go_out_in_as_few_messages_as_fit()
    {
        var teams = new HeldChat();
        var batches = new ManagerNoticeBatches(teams);

        var first = batches.AlertAsync("Case RR-OLD-2026-0100 (Oldham): decided.", CancellationToken.None);
        await teams.Posting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = Enumerable.Range(1, ManagerNoticeBatches.MostPerMessage + 2)
            .Select(i => batches.AlertAsync($"Case RR-OLD-2026-{i:D4} (Oldham): decided.", CancellationToken.None))
            .ToList();
        teams.Release.SetResult();
        await Task.WhenAll(waiting.Append(first)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, teams.Sent.Count);
        Assert.StartsWith($"{ManagerNoticeBatches.MostPerMessage} cases need you", teams.Sent[1], StringComparison.Ordinal);
        Assert.StartsWith("2 cases need you", teams.Sent[2], StringComparison.Ordinal);
        Assert.Equal(ManagerNoticeBatches.MostPerMessage + 3, teams.Sent.Sum(m => m.Split("Case RR-OLD-").Length - 1));
    }

    [Fact]
    public async Task A_message_Teams_refuses_fails_every_notice_it_carried_so_each_case_still_owes_its_notice()
    {
        var teams = new HeldChat { Refuse = true };
        var batches = new ManagerNoticeBatches(teams);

        var first = batches.AlertAsync("Case RR-OLD-2026-0200 (Oldham): decided.", CancellationToken.None);
        await teams.Posting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = batches.AlertAsync("Case RR-OLD-2026-0201 (Oldham): decided.", CancellationToken.None);
        teams.Release.SetResult();

        await Assert.ThrowsAsync<TeamsDeliveryException>(() => first.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<TeamsDeliveryException>(() => second.WaitAsync(TimeSpan.FromSeconds(10)));

        // Nothing is left posting: the next notice goes out alone, at once.
        teams.Refuse = false;
        Assert.Equal(1, await batches.AlertAsync("Case RR-OLD-2026-0202 (Oldham): decided.", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>One business manager's chat whose first post is held until the test lets it go.</summary>
    private sealed class HeldChat : IBusinessManagerAlerts
    {
        public TaskCompletionSource Posting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Sent { get; } = [];

        public bool Refuse { get; set; }

        public async Task<int> AlertAsync(string sentence, CancellationToken cancellationToken)
        {
            Posting.TrySetResult();
            await Release.Task.ConfigureAwait(false);
            if (Refuse)
            {
                throw new TeamsDeliveryException("Teams refused the message (403).");
            }

            lock (Sent)
            {
                Sent.Add(sentence);
            }

            return 1;
        }

        public Task<int> AlertAsync(string sentence, JsonObject card, CancellationToken cancellationToken) => AlertAsync(sentence, cancellationToken);
    }
}
