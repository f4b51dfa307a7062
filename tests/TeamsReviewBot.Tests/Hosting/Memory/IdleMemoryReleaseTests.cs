using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Hosting.Memory;

namespace TeamsReviewBot.Tests.Hosting.Memory;

/// <summary>
/// The running service looks on the machine's clock, releases after a busy spell once quiet, and
/// holds off while a request is being answered.
/// </summary>
public sealed class IdleMemoryReleaseTests
{
    private const long MiB = 1024 * 1024;

    private readonly FakeTimeProvider _clock = new();
    private readonly RequestsBeingAnswered _answering = new();
    private long _allocated;
    private int _released;
    private int _waits;

    [Fact]
    public void After_a_busy_spell_memory_is_released_once_the_instance_is_quiet_and_only_then()
    {
        using var service = Start(new IdleMemoryReleaseOptions { CheckEvery = TimeSpan.FromSeconds(15) });

        // Busy: 40 MiB allocated during the first look's interval.
        Interlocked.Add(ref _allocated, 40 * MiB);
        Look();
        Assert.Equal(0, Volatile.Read(ref _released));

        // Quiet, but a click is being answered: held off.
        using (_answering.Begin())
        {
            Look();
            Assert.Equal(0, Volatile.Read(ref _released));
        }

        Look();
        Assert.Equal(1, Volatile.Read(ref _released));

        // Idle on: not released again.
        Look();
        Look();
        Assert.Equal(1, Volatile.Read(ref _released));
    }

    [Fact]
    public async Task Switched_off_it_never_releases()
    {
        using var service = Start(new IdleMemoryReleaseOptions { Enabled = false });

        // Switched off, the service ends at once instead of waiting for its first look, so the clock
        // below moves after any timer it could have set.
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Interlocked.Add(ref _allocated, 100 * MiB);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50);

        Assert.Equal(0, Volatile.Read(ref _released));
    }

    [Fact]
    public async Task A_look_interval_of_zero_stops_the_start_with_the_setting_named()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["IdleMemoryRelease:CheckEvery"] = "00:00:00" });
        builder.Services.AddIdleMemoryRelease(builder.Configuration);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("IdleMemoryRelease:CheckEvery must be longer than zero.", refused.Message, StringComparison.Ordinal);
    }

    private IdleMemoryRelease Start(IdleMemoryReleaseOptions options)
    {
        var service = new IdleMemoryRelease(_answering, options, NullLogger<IdleMemoryRelease>.Instance, _clock, () => Interlocked.Read(ref _allocated), () => Interlocked.Increment(ref _released), () => Interlocked.Increment(ref _waits));
        service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (options.Enabled)
        {
            WaitForWaits(1);
        }

        return service;
    }

    /// <summary>Moves the clock to the next look and lets the service take it.</summary>
    private void Look()
    {
        var waits = Volatile.Read(ref _waits);
        _clock.Advance(TimeSpan.FromSeconds(15));
        WaitForWaits(waits + 1);
    }

    private void WaitForWaits(int count) =>
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref _waits) >= count, TimeSpan.FromSeconds(10)), "The service did not take its look.");
}
