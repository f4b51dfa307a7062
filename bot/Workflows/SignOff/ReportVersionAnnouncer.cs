using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// A new report version was stored: its card goes to the case's thread (version, hash, comment
/// window), and when it voided sign-offs on the version before, each signing partner and deputy is
/// sent the sign-off card for it, saying so. Fired from a timer set in the same step as the version,
/// so it survives a restart; recorded once per version (a version superseded before its turn is not
/// announced: the newer one is).
/// </summary>
public sealed partial class ReportVersionAnnouncer(
    CaseService cases,
    ReportThreadViews threadViews,
    SignOffSeats seats,
    SignOffViews views,
    ITeamsOutbound teams,
    IPersonalChat chats,
    IdempotencyStore once,
    ILogger<ReportVersionAnnouncer> logger) : ITimerHandler
{
    public string Kind => ReportAnnouncement.TimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var state = await cases.FindAsync(timer.StreamId, cancellationToken).ConfigureAwait(false);
        if (state?.CurrentReportVersion is not { } version || timer.Id != ReportAnnouncement.TimerId(state.CaseCode, version.Number) || state.ReportVersionCards.ContainsKey(version.Number))
        {
            return;
        }

        string? messageId = null;
        if (state.Thread is { } thread)
        {
            try
            {
                messageId = await teams.ReplyAsync(new ChannelThread(thread.ChannelId, thread.ThreadId), ReportThreadCard.Create(threadViews.View(state)), cancellationToken).ConfigureAwait(false);
            }
            catch (TeamsDeliveryException ex)
            {
                LogThreadUnreachable(state.CaseCode, ex.Message);
            }
        }

        var sentTo = new List<string>();
        if (state.SignOffsVoidedByVersion == version.Number && state.SignedOffAt is null)
        {
            var playbook = cases.Playbooks.Get(state.Partnership);
            var notice = $"Version {version.Number} of the report replaces version {version.Number - 1}: answers given on version {version.Number - 1} are void. Please read this version and answer again.";
            foreach (var (seat, person, byDeputy) in seats.People(playbook))
            {
                var key = timer.Id + ":" + person.AadObjectId;
                if (await once.WasClaimedAsync(ReportAnnouncement.TimerKind, key, cancellationToken).ConfigureAwait(false)
                    || await chats.SendCardAsync(person.AadObjectId!, SignOffCard.Personal(views.Card(state, seat, byDeputy), notice), cancellationToken).ConfigureAwait(false) is null)
                {
                    await once.TryClaimAsync(ReportAnnouncement.TimerKind, key, cancellationToken).ConfigureAwait(false);
                    sentTo.Add(person.Name ?? person.AadObjectId!);
                }
            }
        }

        var announced = new ReportVersionAnnounced(version.Number, messageId, sentTo, Actor.System, $"Version {version.Number} of the report was posted in the case's thread.");
        await cases.DecideAsync(
            state.CaseCode,
            (current, now) => current.ReportVersionCards.ContainsKey(version.Number) ? [] : [new NewEvent(CaseEventTypes.ReportVersionAnnounced, CaseJson.Write(announced), now)],
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report version card for case {CaseCode} could not be posted in its thread: {Why}")]
    private partial void LogThreadUnreachable(string caseCode, string why);
}
