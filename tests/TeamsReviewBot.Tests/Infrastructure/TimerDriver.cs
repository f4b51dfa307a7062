using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// Moves a fake clock from one stored timer to the next, letting every pump fire what is due at each
/// step, so each timer fires at the very instant it was set for. What goes wrong (a timer left
/// unfired) is added to <c>problems</c> for the test to assert on.
/// </summary>
internal static class TimerDriver
{
    private const int MaxSteps = 500;

    public static async Task RunUntilAsync(FakeTimeProvider clock, IReadOnlyList<TimerPump> pumps, DurableTimerStore timers, DateTimeOffset target, List<string> problems)
    {
        for (var step = 0; step < MaxSteps; step++)
        {
            // All instances poll together each time: a timer must still fire once.
            while ((await Task.WhenAll(pumps.Select(p => p.RunOnceAsync(CancellationToken.None)))).Sum() > 0)
            {
            }

            var next = await timers.NextDueAtAsync();
            if (next is null || next > target)
            {
                if (clock.GetUtcNow() < target)
                {
                    clock.SetUtcNow(target);
                }

                return;
            }

            if (next <= clock.GetUtcNow())
            {
                problems.Add($"A timer due {next:O} did not fire at {clock.GetUtcNow():O}.");
                return;
            }

            clock.SetUtcNow(next.Value);
        }

        problems.Add($"The clock took more than {MaxSteps} steps to reach the target.");
    }
}
