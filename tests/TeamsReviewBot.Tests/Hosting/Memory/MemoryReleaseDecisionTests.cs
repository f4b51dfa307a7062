using TeamsReviewBot.Hosting.Memory;

namespace TeamsReviewBot.Tests.Hosting.Memory;

/// <summary>
/// When an instance hands memory back: after a busy spell, once it has gone quiet, and not again
/// until it has been busy again. Figures in MiB of what the process has allocated so far.
/// </summary>
public sealed class MemoryReleaseDecisionTests
{
    private const long MiB = 1024 * 1024;

    private static readonly IdleMemoryReleaseOptions Options = new() { QuietUnderBytes = 2 * MiB, AfterAllocatingBytes = 32 * MiB };

    [Fact]
    public void A_busy_spell_is_released_at_the_first_quiet_look_after_it()
    {
        var decision = new MemoryReleaseDecision(Options, 100 * MiB);

        Assert.False(decision.ReleaseNow(140 * MiB, 0));
        Assert.False(decision.ReleaseNow(180 * MiB, 0));
        Assert.True(decision.ReleaseNow(181 * MiB, 0));
    }

    [Fact]
    public void An_instance_that_stays_idle_releases_once_not_at_every_look()
    {
        var decision = new MemoryReleaseDecision(Options, 0);
        decision.ReleaseNow(50 * MiB, 0);
        Assert.True(decision.ReleaseNow(50 * MiB, 0));

        Assert.False(decision.ReleaseNow(50 * MiB + 100_000, 0));
        Assert.False(decision.ReleaseNow(50 * MiB + 200_000, 0));
        Assert.False(decision.ReleaseNow(51 * MiB, 0));
    }

    [Fact]
    public void Nothing_is_released_while_a_request_is_being_answered_but_it_is_at_the_next_quiet_look()
    {
        var decision = new MemoryReleaseDecision(Options, 0);
        decision.ReleaseNow(40 * MiB, 0);

        Assert.False(decision.ReleaseNow(40 * MiB, 1));
        Assert.True(decision.ReleaseNow(40 * MiB, 0));
    }

    [Fact]
    public void A_quiet_instance_that_has_allocated_little_since_the_last_release_keeps_what_it_holds()
    {
        var decision = new MemoryReleaseDecision(Options, 0);
        decision.ReleaseNow(40 * MiB, 0);
        Assert.True(decision.ReleaseNow(40 * MiB, 0));

        // Busy again, but only 20 MiB: not worth a full collection yet.
        Assert.False(decision.ReleaseNow(60 * MiB, 0));
        Assert.False(decision.ReleaseNow(60 * MiB, 0));

        // Past 32 MiB since the last release, and quiet again.
        Assert.False(decision.ReleaseNow(75 * MiB, 0));
        Assert.True(decision.ReleaseNow(75 * MiB, 0));
    }

    [Fact]
    public void What_start_up_allocated_counts_as_a_busy_spell()
    {
        var decision = new MemoryReleaseDecision(Options, 0);

        Assert.True(decision.ReleaseNow(60 * MiB, 0) || decision.ReleaseNow(60 * MiB, 0));
    }
}
