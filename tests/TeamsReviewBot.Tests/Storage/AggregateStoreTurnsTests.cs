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
        var first = await HeldAppend.StartAsync(store, code, "acknowledged");
        IReadOnlyList<string>? secondSaw = null;
        var second = Task.Run(() => store.ExecuteAsync(code, state =>
        {
            secondSaw = state;
            return [Event("thread-opened")];
        }));
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        first.LetGo();

        var (a, b) = (await first.Outcome, await second);
        Assert.Equal(1, a.Attempts);
        Assert.Equal(1, b.Attempts);
        Assert.Equal(["referred", "acknowledged"], secondSaw);
        Assert.Equal(["referred", "acknowledged", "thread-opened"], b.Current.State);
    }

    [Fact]
    public async Task An_append_to_another_case_does_not_wait_for_one_still_deciding()
    {
        var store = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(azurite.CreateTables()), new EventNames());
        var held = await HeldAppend.StartAsync(store, "RR-OLD-2026-0002", "referred");

        var other = await store.ExecuteAsync("RR-OLD-2026-0003", _ => [Event("referred")]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["referred"], other.Current.State);
        Assert.False(held.Outcome.IsCompleted);

        held.LetGo();
        Assert.Equal(1, (await held.Outcome).Attempts);
    }

    [Fact]
    public async Task A_caller_that_gives_up_waiting_for_its_turn_leaves_the_case_to_the_next()
    {
        var store = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(azurite.CreateTables()), new EventNames());
        const string code = "RR-OLD-2026-0004";
        var first = await HeldAppend.StartAsync(store, code, "referred");

        // A caller whose request is cancelled while it waits is answered so, and appends nothing.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ExecuteAsync(code, _ => [Event("never")], giveUp.Token));

        first.LetGo();
        await first.Outcome;
        var next = await store.ExecuteAsync(code, _ => [Event("vote")]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, next.Attempts);
        Assert.Equal(["referred", "vote"], next.Current.State);
    }

    private static NewEvent Event(string type) => new(type, "{}", At);

    /// <summary>An append to a case, started and held while it decides until let go.</summary>
    private sealed class HeldAppend(Task<AppendOutcome<IReadOnlyList<string>>> outcome, TaskCompletionSource letGo)
    {
        public Task<AppendOutcome<IReadOnlyList<string>>> Outcome { get; } = outcome;

        /// <summary>Starts the append of <paramref name="type"/> and returns once it is deciding.</summary>
        public static async Task<HeldAppend> StartAsync(AggregateStore<IReadOnlyList<string>> store, string code, string type)
        {
            var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var deciding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var outcome = Task.Run(() => store.ExecuteAsync(code, _ =>
            {
                deciding.TrySetResult();
                letGo.Task.Wait(TimeSpan.FromSeconds(30));
                return [Event(type)];
            }));
            await deciding.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return new HeldAppend(outcome, letGo);
        }

        public void LetGo() => letGo.TrySetResult();
    }
}
