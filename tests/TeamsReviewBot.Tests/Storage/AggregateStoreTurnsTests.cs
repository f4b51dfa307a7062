using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>
/// This instance's appends to one case take turns: the second is decided on what the first wrote,
/// so it neither collides nor reads the stream again. Appends to other cases do not wait for them.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AggregateStoreTurnsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_appends_to_one_case_at_once_are_each_made_at_the_first_try_the_second_on_the_first_s_result()
    {
        var store = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(azurite.CreateTables()), new EventNames());
        const string code = "RR-OLD-2026-0001";
        await store.ExecuteAsync(code, _ => [Event("referred")]);

        // The first is held while deciding; the second is started meanwhile.
        using var firstDeciding = new ManualResetEventSlim();
        using var letFirstGo = new ManualResetEventSlim();
        var first = Task.Run(() => store.ExecuteAsync(code, _ =>
        {
            firstDeciding.Set();
            letFirstGo.Wait(TimeSpan.FromSeconds(30));
            return [Event("acknowledged")];
        }));
        Assert.True(firstDeciding.Wait(TimeSpan.FromSeconds(30)));
        IReadOnlyList<string>? secondSaw = null;
        var second = Task.Run(() => store.ExecuteAsync(code, state =>
        {
            secondSaw = state;
            return [Event("thread-opened")];
        }));
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        letFirstGo.Set();

        var (a, b) = (await first, await second);
        Assert.Equal(1, a.Attempts);
        Assert.Equal(1, b.Attempts);
        Assert.Equal(["referred", "acknowledged"], secondSaw);
        Assert.Equal(["referred", "acknowledged", "thread-opened"], b.Current.State);
    }

    [Fact]
    public async Task An_append_to_another_case_does_not_wait_for_one_still_deciding()
    {
        var store = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(azurite.CreateTables()), new EventNames());
        using var firstDeciding = new ManualResetEventSlim();
        using var letFirstGo = new ManualResetEventSlim();
        var held = Task.Run(() => store.ExecuteAsync("RR-OLD-2026-0002", _ =>
        {
            firstDeciding.Set();
            letFirstGo.Wait(TimeSpan.FromSeconds(30));
            return [Event("referred")];
        }));
        Assert.True(firstDeciding.Wait(TimeSpan.FromSeconds(30)));

        var other = await store.ExecuteAsync("RR-OLD-2026-0003", _ => [Event("referred")]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["referred"], other.Current.State);
        Assert.False(held.IsCompleted);

        letFirstGo.Set();
        Assert.Equal(1, (await held).Attempts);
    }

    [Fact]
    public async Task A_caller_that_gives_up_waiting_for_its_turn_leaves_the_case_to_the_next()
    {
        var store = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(azurite.CreateTables()), new EventNames());
        const string code = "RR-OLD-2026-0004";
        using var firstDeciding = new ManualResetEventSlim();
        using var letFirstGo = new ManualResetEventSlim();
        var first = Task.Run(() => store.ExecuteAsync(code, _ =>
        {
            firstDeciding.Set();
            letFirstGo.Wait(TimeSpan.FromSeconds(30));
            return [Event("referred")];
        }));
        Assert.True(firstDeciding.Wait(TimeSpan.FromSeconds(30)));

        // A caller whose request is cancelled while it waits is answered so, and appends nothing.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ExecuteAsync(code, _ => [Event("never")], giveUp.Token));

        letFirstGo.Set();
        await first;
        var next = await store.ExecuteAsync(code, _ => [Event("vote")]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, next.Attempts);
        Assert.Equal(["referred", "vote"], next.Current.State);
    }

    private static NewEvent Event(string type) => new(type, "{}", At);
}
