using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Cases;

/// <summary>
/// A Case Factor ticked on the referral form drives what the seed attaches to it. Oldham, seed-000
/// §10 BLR: "A Brief Learning Review will take place in all cases where a child or young person has
/// ended their own life and criteria are not met for a Local Child Safeguarding Practice Review";
/// "Whenever possible the timescale from Referral to the BLR meeting will be no more than 4 weeks";
/// the factor is the GM form's "Child Suicide" (seed-000 §2.2, Case Factors item 5).
/// </summary>
public sealed class CaseFactorDeadlineTests
{
    private static readonly DateTimeOffset Received = London(2026, 11, 23, 10);

    public static TheoryData<string, string[], string?, bool, DeadlineStatus> Rows => new()
    {
        // partnership, factors ticked, practice review recommended at the meeting, chased, status
        { "oldham", ["Child Suicide"], null, true, DeadlineStatus.Due },
        { "oldham", ["child suicide"], null, true, DeadlineStatus.Due },
        { "oldham", ["Child Suicide", "Neglect"], ReviewRecommendations.No, true, DeadlineStatus.Due },
        { "oldham", ["Child Suicide"], ReviewRecommendations.NeedsMoreInformation, true, DeadlineStatus.Due },
        { "oldham", ["Child Suicide"], ReviewRecommendations.Yes, false, DeadlineStatus.Conditional },
        { "oldham", ["Self-harm/Suicide attempts"], null, false, DeadlineStatus.Conditional },
        { "oldham", [], null, false, DeadlineStatus.Conditional },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Oldhams_Brief_Learning_Review_is_chased_only_after_a_childs_suicide_below_the_LCSPR_threshold(string partnership, string[] factors, string? review, bool chased, DeadlineStatus status)
    {
        var playbook = Playbook(partnership);
        var state = Decided(partnership, factors, review);

        var open = Schedule.Open(playbook, state).Select(e => e.Key).ToList();
        var blr = Schedule.Deadlines(playbook, state, Received.AddDays(3)).Single(d => d.Entry.Key == "brief-learning-review");

        Assert.Equal(chased, open.Contains("brief-learning-review"));
        Assert.Equal(status, blr.Status);
        // Four weeks from the threshold decision (the playbook's recorded choice), on a working day.
        Assert.Equal(WorkingDays.OnOrNextWorkingDay(new DateOnly(2026, 11, 24).AddDays(28)), blr.Entry.DueDate);
    }

    [Fact]
    public void Only_Oldhams_seed_attaches_a_deadline_to_a_Case_Factor()
    {
        var attached = Catalogue.All.SelectMany(p => p.Deadlines.Where(d => d.CaseFactor is not null).Select(d => (p.Key, d.Key, d.CaseFactor))).ToList();

        Assert.Equal([("oldham", "brief-learning-review", "Child Suicide")], attached);
    }

    [Fact]
    public void The_factors_are_recorded_on_the_case_and_on_its_audit_trail()
    {
        var fold = new CaseFold(Catalogue);
        var state = fold.Apply(Decided("oldham", [], null), new TeamsReviewBot.Process.Streams.StoredEvent(
            "RR-OLD-2026-0001", 9, CaseEventTypes.CaseFactorsRecorded, CaseJson.Write(new CaseFactorsRecorded(["Child Suicide", "Neglect"], Actor.System, "Ticked on the referral form.")), Received));

        Assert.True(state.CaseFactors.SetEquals(["Child Suicide", "Neglect"]));
    }

    private static CaseState Decided(string partnership, string[] factors, string? review) => new()
    {
        StreamId = "RR-OLD-2026-0001",
        Exists = true,
        CaseCode = "RR-OLD-2026-0001",
        Partnership = partnership,
        ReferralKind = CaseRules.Referral,
        ReceivedAt = Received,
        DayZero = new DateOnly(2026, 11, 23),
        PutToPanelAt = Received,
        Outcome = "rapid-review",
        OutcomeKind = OutcomeKind.RapidReview,
        DecidedAt = London(2026, 11, 24, 12),
        CaseFactors = System.Collections.Immutable.ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, factors),
        ReviewRecommended = review,
        MeetingAt = review is null ? null : London(2026, 12, 8, 10),
        MeetingHeldAt = review is null ? null : London(2026, 12, 8, 12),
    };
}
