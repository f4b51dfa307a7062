namespace TeamsReviewBot.Workflows.Intake;

/// <summary>Stands in for the intake services when Graph:Mailbox is not set, and says so in the log.</summary>
public sealed partial class MailboxIntakeOff(ILogger<MailboxIntakeOff> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogOff(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox intake is off: set Graph:Mailbox (and Graph:NotificationUrl, Graph:ClientStateSecret) to watch the partnership mailbox")]
    private static partial void LogOff(ILogger logger);
}

/// <summary>A hosted service with nothing to do.</summary>
internal sealed class NoHostedWork : IHostedService
{
    public static readonly NoHostedWork Instance = new();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
