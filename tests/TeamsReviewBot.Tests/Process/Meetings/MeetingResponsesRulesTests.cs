using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Process.Streams;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Meetings;

/// <summary>Which answers are new to the case, and which quorum gaps the business managers hear about
/// before the check point (a partner's every attendee declined, or it lost its last attendee coming)
/// and at it (any partner nobody is coming for), each gap once.</summary>
public sealed class MeetingResponsesRulesTests
{
    private const string EventId = "AAMkEvent1";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Invitee[] People =
    [
        new("lola@council.example", "Lola Adeyemi", "local-authority", true),
        new("pat@police.example", "Pat Okafor", "police", true),
        new("hana@icb.example", "Hana Brook", "health", true),
        new("dev@icb.example", "Dev Shah", "health", false),
    ];

    [Fact]
    public void An_answer_is_recorded_once_with_who_gave_it_and_a_changed_answer_again()
    {
        var playbook = Playbook("oldham");
        var state = Booked();

        var first = MeetingResponses.Record(playbook, state, EventId, [new AttendeeReply("PAT@police.example", "Declined", Now), new AttendeeReply("hana@icb.example", "None", null)], People, Now);
        state = Fold(state, first);
        var again = MeetingResponses.Record(playbook, state, EventId, [new AttendeeReply("pat@police.example", "declined", Now)], People, Now);
        var changed = MeetingResponses.Record(playbook, state, EventId, [new AttendeeReply("pat@police.example", "accepted", Now.AddHours(1))], People, Now);
        var otherEvent = MeetingResponses.Record(playbook, state, "AAMkOther", [new AttendeeReply("lola@council.example", "accepted", Now)], People, Now);

        var recorded = CaseJson.Read<MeetingResponseRecorded>(Assert.Single(first).Data);
        Assert.Equal(("Pat Okafor", "police", "police", MeetingResponses.Declined), (recorded.Name, recorded.Partner, recorded.Seat, recorded.Response));
        Assert.Equal("Pat Okafor (the police) declined the meeting invitation.", recorded.Reason);
        Assert.Empty(again);
        Assert.Single(changed);
        Assert.Empty(otherEvent);
    }

    [Fact]
    public void Before_the_check_point_only_an_all_declined_partner_or_a_lost_one_is_a_gap_and_each_gap_is_warned_once()
    {
        var playbook = Playbook("oldham");
        var state = Answer(Booked(), ("lola@council.example", "accepted"), ("hana@icb.example", "accepted"));
        Assert.Empty(MeetingQuorum.Gaps(playbook, state, People[..3], checkPointReached: false));
        Assert.Equal(["police"], MeetingQuorum.Gaps(playbook, state, People[..3], checkPointReached: true));

        state = Answer(state, ("pat@police.example", "declined"));
        Assert.Equal(["police"], MeetingQuorum.Gaps(playbook, state, People[..3], checkPointReached: false));
        state = Warn(state, "police");
        Assert.True(MeetingQuorum.Warned(state, "police"));

        // Health loses its only attendee coming: a gap at once; a deputy's acceptance closes it, their decline opens another.
        state = Answer(state, ("hana@icb.example", "declined"));
        Assert.Equal(["police", "health"], MeetingQuorum.Gaps(playbook, state, People[..3], checkPointReached: false));
        Assert.False(MeetingQuorum.Warned(state, "health"));
        state = Warn(state, "health");
        state = Answer(state, ("dev@icb.example", "accepted"));
        Assert.Equal(["police"], MeetingQuorum.Gaps(playbook, state, People, checkPointReached: false));
        state = Answer(state, ("dev@icb.example", "declined"));
        Assert.Equal(["police", "health"], MeetingQuorum.Gaps(playbook, state, People, checkPointReached: false));
        Assert.False(MeetingQuorum.Warned(state, "health"));
        Assert.True(MeetingQuorum.Warned(state, "police"));

        // A cancelled booking forgets the answers; the next booking's gaps are new.
        var cancelled = Fold(state, [new NewEvent(CaseEventTypes.MeetingCancelled, CaseJson.Write(new MeetingCancelled(Now, EventId, Actor.System, "moved")), Now)]);
        Assert.Empty(cancelled.MeetingResponses);
        Assert.Empty(cancelled.MeetingQuorumLosses);
    }

    private static CaseState Booked() => new()
    {
        StreamId = "RR-OLD-2026-0001",
        Exists = true,
        CaseCode = "RR-OLD-2026-0001",
        Partnership = "oldham",
        MeetingAt = Now.AddDays(10),
        MeetingEventId = EventId,
    };

    private static CaseState Answer(CaseState state, params (string Address, string Response)[] answers) =>
        Fold(state, MeetingResponses.Record(Playbook("oldham"), state, EventId, [.. answers.Select(a => new AttendeeReply(a.Address, a.Response, Now.AddMinutes(state.MeetingResponses.Count)))], People, Now));

    private static CaseState Warn(CaseState state, string partner) =>
        state with { Notifications = state.Notifications.Add(MeetingQuorum.NotificationId(state, [partner])) };

    private static CaseState Fold(CaseState state, IReadOnlyList<NewEvent> events)
    {
        var fold = new CaseFold(Catalogue);
        return events.Select((e, i) => new StoredEvent(state.StreamId, i + 100, e.Type, e.Data, e.OccurredAt)).Aggregate(state, fold.Apply);
    }
}
