using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>What an instance remembers of its own reconciles is bounded like the case store: the cases
/// reconciled longest ago are forgotten first, and a case reconciled again is remembered at its new version.</summary>
public sealed class ReconciledTimersTests
{
    private static CaseTimerBasis Note(long version) => new(version, true, "AwaitingDecision", null, null, null, null, null);

    [Fact]
    public void Past_the_case_stores_bound_the_cases_reconciled_longest_ago_are_forgotten_and_the_latest_kept()
    {
        var remembered = new ReconciledTimers();
        var cases = AggregateStoreCapacity.Default + 1;
        for (var i = 0; i < cases; i++)
        {
            remembered.Remember($"RR-OLD-2026-{i:D4}", 3, Note(3), []);
        }

        Assert.Null(remembered.At("RR-OLD-2026-0000", 3));
        Assert.NotNull(remembered.At($"RR-OLD-2026-{cases - 1:D4}", 3));
        var kept = Enumerable.Range(0, cases).Count(i => remembered.At($"RR-OLD-2026-{i:D4}", 3) is not null);
        Assert.InRange(kept, AggregateStoreCapacity.Default * 9 / 10, AggregateStoreCapacity.Default);
    }

    [Fact]
    public void A_case_is_known_only_at_the_version_its_last_reconcile_saw()
    {
        var remembered = new ReconciledTimers();
        remembered.Remember("RR-OLD-2026-0001", 3, Note(3), []);
        remembered.Remember("RR-OLD-2026-0001", 5, Note(5), []);

        Assert.Null(remembered.At("RR-OLD-2026-0001", 3));
        Assert.Equal(5, remembered.At("RR-OLD-2026-0001", 5)?.Version);
        remembered.Forget("RR-OLD-2026-0001");
        Assert.Null(remembered.At("RR-OLD-2026-0001", 5));
    }

    [Fact]
    public void An_append_waiting_on_a_reconcile_is_handed_out_once_that_reconcile_s_version_is_remembered_and_not_before()
    {
        var remembered = new ReconciledTimers();
        var code = "RR-OLD-2026-0001";
        remembered.Wait(code, new ReconciledTimers.WaitingAppend(4, new Versioned<CaseState>(new CaseState { StreamId = code }, 5)));
        remembered.Wait(code, new ReconciledTimers.WaitingAppend(5, new Versioned<CaseState>(new CaseState { StreamId = code }, 6)));

        // Nothing remembered yet: both wait for the reconcile under way.
        Assert.Null(remembered.TakeWaiting(code));

        // An earlier reconcile's version is remembered: still nothing to check them against.
        remembered.Remember(code, 3, Note(3), []);
        Assert.Null(remembered.TakeWaiting(code));

        // The reconcile at 4 is remembered: the append made on 4 is handed out, the one made on 5 waits on.
        remembered.Remember(code, 4, Note(4), []);
        Assert.Equal(4, remembered.TakeWaiting(code)?.FromVersion);
        Assert.Null(remembered.TakeWaiting(code));

        // Carried to 5 (the first append changed nothing): the second is handed out, once.
        remembered.Remember(code, 5, Note(5), []);
        Assert.Equal(5, remembered.TakeWaiting(code)?.FromVersion);
        Assert.Null(remembered.TakeWaiting(code));
    }
}
