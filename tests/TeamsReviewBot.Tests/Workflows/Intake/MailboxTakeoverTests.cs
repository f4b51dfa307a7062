using System.Diagnostics;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Tests.Workflows.Intake;

/// <summary>The mailbox leases are short and renewed while held: an instance that dies without giving
/// them up holds intake back for at most one lease, and a live holder keeps them however long its
/// pass takes. Durations are shortened through settings; the defaults (40 s, renewed every 10 s) scale
/// the same figures to a takeover within a minute.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MailboxTakeoverTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task After_a_crash_a_new_instance_takes_in_the_waiting_referral_once_the_old_lease_runs_out()
    {
        await using var local = await LocalIntake.StartAsync(configure: settings =>
        {
            settings["Graph:LeaseDuration"] = Duration.ToString();
            settings["Graph:LeaseRenewInterval"] = RenewEvery.ToString();
        });

        var left = await local.CrashAsync();
        var crashed = DateTimeOffset.UtcNow;
        var deltaLeftUntil = left.Single(l => l.RowKey == "delta").GetDateTimeOffset("Until")!.Value;
        Assert.InRange(deltaLeftUntil, crashed, crashed + Duration);
        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));

        local.StartAnotherInstance();
        await LocalIntake.WaitUntilAsync(async () => (await local.CasesAsync()).Count == 1, "the new instance to open the referral", TimeSpan.FromSeconds(40));
        var opened = DateTimeOffset.UtcNow;

        // Not before the crashed instance's lease ran out (no two walking the inbox at once), and
        // within one lease and one renewal beat of it.
        Assert.True(opened >= deltaLeftUntil - TimeSpan.FromMilliseconds(200), $"opened {(deltaLeftUntil - opened).TotalSeconds:0.0} s before the crashed lease ran out");
        Assert.True(opened - crashed < Duration + RenewEvery + TimeSpan.FromSeconds(10), $"took {(opened - crashed).TotalSeconds:0.0} s after the crash");
        await local.SettledAsync(1);
        Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
    }

    [Fact]
    public async Task A_lease_renewed_by_its_holder_is_not_taken_even_through_a_pass_longer_than_the_lease()
    {
        var tables = azurite.CreateTables();
        var name = "delta-" + Guid.NewGuid().ToString("N")[..8];
        var holder = new StorageLease(tables, TimeProvider.System);
        var other = new StorageLease(tables, TimeProvider.System);
        // Renewed six times a lease: a renewal held up for a second or two on a busy machine still lands in time.
        var timings = new LeaseTimings(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(500));
        var passes = 0;
        using var crash = new CancellationTokenSource();
        var holding = new LeasedPasses(holder, name, timings).RunAsync(
            async cancellationToken =>
            {
                Interlocked.Increment(ref passes);
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken); // longer than a lease
            },
            _ => TimeSpan.FromSeconds(1),
            wake: null,
            ex => throw new Xunit.Sdk.XunitException("pass failed: " + ex),
            crash.Token);

        var watching = Stopwatch.StartNew();
        while (Volatile.Read(ref passes) == 0)
        {
            await Task.Delay(50);
        }

        while (watching.Elapsed < TimeSpan.FromSeconds(7))
        {
            Assert.False(await other.TryAcquireAsync(name, timings.Duration), $"taken from a live holder after {watching.Elapsed.TotalSeconds:0.0} s");
            await Task.Delay(200);
        }

        Assert.True(Volatile.Read(ref passes) >= 2, "the holder ran its next pass under the same lease");

        // The holder dies without giving the lease up: the other takes it once it runs out.
        await crash.CancelAsync();
        await holding;
        var stopped = Stopwatch.StartNew();
        while (!await other.TryAcquireAsync(name, timings.Duration))
        {
            Assert.True(stopped.Elapsed < timings.Duration + TimeSpan.FromSeconds(2), "the lease of a dead holder never ran out");
            await Task.Delay(100);
        }
    }
}
