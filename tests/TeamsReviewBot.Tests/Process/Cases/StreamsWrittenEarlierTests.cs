using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Tests.Process.Cases;

/// <summary>
/// Case streams as the previous version wrote them (captured from its own runs: an emailed referral
/// put to the panel, and a referral entered by hand that the panel decided), with the state that
/// version folded them to (the lifecycle under "case", the panel's view beside it). The one fold of
/// today must read every event of them to the same state.
/// </summary>
public sealed class StreamsWrittenEarlierTests
{
    // The panel's own view named its seats' votes "votes"; the one case state calls them "seatVotes".
    private static readonly Dictionary<string, string> RenamedSince = new(StringComparer.Ordinal) { ["votes"] = "seatVotes" };

    [Theory]
    [InlineData("emailed-referral")]
    [InlineData("panel-decided")]
    public void A_case_stream_written_by_the_previous_version_folds_to_the_state_it_folded_to_then(string name)
    {
        var state = Fold(name);
        var now = JsonSerializer.SerializeToNode(state, CaseJson.Options)!.AsObject();
        var then = JsonNode.Parse(File.ReadAllText(FixturePath($"{name}.state.json")))!.AsObject();

        foreach (var (key, value) in then["case"]!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(value, now[key]), $"case.{key} was {value?.ToJsonString()} and is now {now[key]?.ToJsonString()}");
        }

        foreach (var (key, value) in then.Where(p => p.Key != "case"))
        {
            var today = RenamedSince.GetValueOrDefault(key, key);
            Assert.True(JsonNode.DeepEquals(value, now[today]), $"{key} was {value?.ToJsonString()} and is now {now[today]?.ToJsonString()}");
        }
    }

    [Fact]
    public void An_emailed_referral_written_then_still_shows_the_panel_what_it_said_and_what_intake_did()
    {
        var state = Fold("emailed-referral");

        Assert.Equal(CaseStage.AwaitingDecision, state.Stage);
        Assert.Equal("Serious harm: physical abuse", state.Referral!.Summary.IncidentCategory);
        Assert.Equal("5 to 10", state.Referral.Summary.AgeBand);
        Assert.Null(state.Referral.Child);
        Assert.True(state.ReferralReceived);
        Assert.Single(state.ReferralMessages);
        Assert.True(state.ReferrerAcknowledged);
        Assert.NotNull(state.Thread);
    }

    [Fact]
    public void A_decision_written_then_still_reads_as_decided_with_each_seats_latest_vote_and_what_followed()
    {
        var state = Fold("panel-decided");

        Assert.Equal(CaseStage.RapidReview, state.Stage);
        Assert.Equal("rapid-review", state.Decision!.Outcome);
        Assert.Equal(3, state.SeatVotes.Count);
        Assert.All(state.SeatVotes.Values, v => Assert.Equal("rapid-review", v.Outcome));
        Assert.True(state.SeatVotes["health"].ByDeputy);
        Assert.Equal("rapid-review", state.ReferrerInformed!.Outcome);
        Assert.Single(state.Notifications);
    }

    private static CaseState Fold(string name)
    {
        var events = JsonSerializer.Deserialize<List<StoredEvent>>(File.ReadAllText(FixturePath($"{name}.stream.json")))!;
        var fold = new CaseFold(ProcessTestKit.Catalogue);
        return events.Aggregate(fold.Initial(events[0].StreamId), fold.Apply);
    }

    private static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Process", "Cases", "Fixtures", file);
}
