using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Teams.Auth;

/// <summary>
/// Development mode (Bot:DevelopmentMode) accepts activities without authentication, which is only safe
/// when nothing but this machine can reach the bot. Once the server has bound its addresses this
/// refuses to run if any is not loopback, and otherwise says loudly that authentication is off.
/// </summary>
public sealed partial class DevelopmentModeGuard(IOptions<BotAuthOptions> options, IServer server, ILogger<DevelopmentModeGuard> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsDevelopmentMode)
        {
            LogAuthenticated(logger, options.Value.AppId!, options.Value.AppType);
            return Task.CompletedTask;
        }

        var addresses = Loopback.RequireListeningOnly(server, exposed =>
            $"Bot:DevelopmentMode is on, which turns off authentication of Teams activities; that is only allowed when the bot listens on loopback addresses, but it listens on {exposed}. Set Bot:AppId and Bot:TenantId instead, or listen on 127.0.0.1 only.");
        LogDevelopmentMode(logger, addresses);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "!!! DEVELOPMENT MODE: Bot:DevelopmentMode is on, so /api/messages accepts activities WITHOUT authentication; listening on loopback only: {Addresses} !!!")]
    private static partial void LogDevelopmentMode(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activities must carry a Bot Framework or Entra token for app {AppId} ({AppType}).")]
    private static partial void LogAuthenticated(ILogger logger, string appId, BotAppType appType);
}
