using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Tests.Process.InformationRequests;

/// <summary>Copying an old requests stream onto the case: in order, with original times, in appends
/// that fit one transaction, each carrying how far it got, so a copy stopped part way resumes.</summary>
public sealed class RequestStreamCopyTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<StoredEvent> OldStream(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new StoredEvent("RR-OLD-2027-0003.requests", i, RequestEventTypes.ChaserSent, Chaser(i), Now.AddDays(-30).AddMinutes(i)))];

    private static string Chaser(int i) =>
        RequestJson.Event(RequestEventTypes.ChaserSent, new ChaserSent("Hathershaw College", $"timer-{i}", new SentMessage($"<chaser-{i}@oscp.example>", null, "chaser", Now)), Now).Data;

    [Fact]
    public void A_long_old_stream_is_copied_in_appends_of_at_most_a_hundred_rows_and_then_nothing_more()
    {
        var fold = new CaseFold(ProcessTestKit.Catalogue);
        var state = new CaseState { StreamId = "RR-OLD-2027-0003" };
        var old = OldStream(150);
        var appends = new List<IReadOnlyList<NewEvent>>();
        var sequence = 0L;
        for (var events = RequestStreamCopy.Next(state, old, Now); events.Count > 0; events = RequestStreamCopy.Next(state, old, Now))
        {
            appends.Add(events);
            state = events.Aggregate(state, (s, e) => fold.Apply(s, new StoredEvent(s.StreamId, ++sequence, e.Type, e.Data, e.OccurredAt)));
        }

        // 98 copied events and the marker, with the stream's follow-up row: 100 rows an append.
        Assert.Equal([99, 53], appends.Select(a => a.Count));
        Assert.All(appends, a => Assert.Equal(CaseEventTypes.RequestStreamCopied, a[^1].Type));
        Assert.Equal(old.Select(e => e.OccurredAt), appends.SelectMany(a => a.SkipLast(1)).Select(e => e.OccurredAt));
        Assert.Equal(150, state.Requests.OldStreamCopiedThrough);
    }

    [Fact]
    public void A_copy_stopped_after_its_first_append_carries_on_from_the_marker()
    {
        var fold = new CaseFold(ProcessTestKit.Catalogue);
        var marker = new StoredEvent("RR-OLD-2027-0003", 1, CaseEventTypes.RequestStreamCopied, CaseJson.Write(new RequestStreamCopied("RR-OLD-2027-0003.requests", 4, 4)), Now);
        var state = fold.Apply(new CaseState { StreamId = "RR-OLD-2027-0003" }, marker);

        var rest = RequestStreamCopy.Next(state, OldStream(6), Now);

        Assert.Equal([RequestEventTypes.ChaserSent, RequestEventTypes.ChaserSent, CaseEventTypes.RequestStreamCopied], rest.Select(e => e.Type));
        Assert.Equal(Now.AddDays(-30).AddMinutes(5), rest[0].OccurredAt);
    }
}
