using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>Loads the playbooks as the service starts, so a bad playbook stops start-up with its file,
/// field and reason instead of failing the first case that needs it.</summary>
public sealed partial class PlaybookStartupCheck(IServiceProvider services, ILogger<PlaybookStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var catalogue = services.GetRequiredService<PlaybookCatalogue>();
            LogLoaded(catalogue.Keys);
        }
        catch (PlaybookException ex)
        {
            LogInvalid(ex, ex.File, ex.Field, ex.Reason);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Playbooks loaded: {Keys}.")]
    private partial void LogLoaded(IReadOnlyList<string> keys);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Playbook {File} is not valid: {Field}: {Reason}. The service will not start.")]
    private partial void LogInvalid(Exception exception, string file, string field, string reason);
}
