using Microsoft.AspNetCore.Hosting.Server;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Teams.Auth;

namespace TeamsReviewBot.Hosting;

/// <summary>
/// A bot whose clock does not tell the real time must never serve anyone but this machine: once
/// the server has bound its addresses this refuses to run if any is not loopback, and otherwise
/// says in the log where the clock started.
/// </summary>
public sealed partial class DevelopmentClockGuard(DevelopmentClockStart start, TimeProvider clock, IServer server, ILogger<DevelopmentClockGuard> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = Loopback.RequireListeningOnly(server, exposed =>
            $"{DevelopmentClock.StartAtKey} moves the bot's clock away from the real time; that is only allowed when the bot listens on loopback addresses, but it listens on {exposed}. Remove the setting or listen on 127.0.0.1 only.");
        LogShiftedClock(logger, BritishDates.DateAndTime(start.StartAt), start.StartAt, BritishDates.DateAndTime(clock.GetUtcNow()), addresses);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "!!! DEVELOPMENT CLOCK: the bot's clock started at {StartAt} ({StartAtIso:o}) and runs on from there, not at the real time; it now reads {Now}; listening on loopback only: {Addresses} !!!")]
    private static partial void LogShiftedClock(ILogger logger, string startAt, DateTimeOffset startAtIso, string now, string addresses);
}
