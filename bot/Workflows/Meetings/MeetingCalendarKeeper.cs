using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Subscriptions;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Keeps the subscription on the organiser's events alive and catches up on missed answers: once the
/// app listens (Graph validates the notification URL when the subscription is made), then every
/// Meeting:ResponsesCheckInterval, by whichever instance holds the short, renewed lease (LeasedPasses). A failure to subscribe does
/// not stop the catch-up, which alone keeps the answers followed, only later.
/// </summary>
public sealed partial class MeetingCalendarKeeper(
    SubscriptionManager subscriptions,
    MeetingCalendarWatch watch,
    MeetingAnswersCatchUp catchUp,
    StorageLease lease,
    IHostApplicationLifetime lifetime,
    IOptions<MeetingOptions> options,
    IOptions<MailboxOptions> mailbox,
    ILogger<MeetingCalendarKeeper> logger) : BackgroundService
{
    private const string LeaseName = "meeting-calendar";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (watch.Create() is not { } calendar)
        {
            LogOff();
            return;
        }

        if (!await Pause.UntilAsync(SubscriptionKeeper.Started(lifetime, stoppingToken)).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await KeepAsync(calendar, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await LeaseRelease.OnStopAsync(lease, LeaseName, logger).ConfigureAwait(false);
        }
    }

    private Task KeepAsync(MailboxWatch calendar, CancellationToken stoppingToken)
    {
        var interval = options.Value.ResponsesCheckInterval;
        var subscribeFailures = 0;
        return new LeasedPasses(lease, LeaseName, LeaseTimings.From(mailbox.Value)).RunAsync(
            async cancellationToken =>
            {
                subscribeFailures = await EnsureAsync(calendar, cancellationToken).ConfigureAwait(false) ? 0 : subscribeFailures + 1;
                await catchUp.RunAsync(cancellationToken).ConfigureAwait(false);
            },
            failures => SubscriptionKeeper.AfterFailures(failures + subscribeFailures, interval),
            wake: null,
            LogCatchUpFailed,
            stoppingToken);
    }

    private async Task<bool> EnsureAsync(MailboxWatch calendar, CancellationToken stoppingToken)
    {
        try
        {
            await subscriptions.EnsureAsync(calendar, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSubscribeFailed(ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting answers are not followed through Graph notifications: set Meeting:Organiser, Graph:NotificationUrl (or Meeting:NotificationUrl) and Graph:ClientStateSecret. The quorum check two working days before still reads them.")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not ensure the subscription on the organiser's events; will try again")]
    private partial void LogSubscribeFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up on meeting answers failed; will try again")]
    private partial void LogCatchUpFailed(Exception ex);
}
