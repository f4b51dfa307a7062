using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.ConnectionCheck;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.ConnectionCheck.CardHandlers;

/// <summary>
/// A business manager presses Acknowledge on a connection check. The acknowledgement is stored
/// once (a unique row per person). The presser gets the updated shared card at once, and the same
/// card replaces the shared message in the background, so it is the one source of truth; the
/// presser drops out of refresh.userIds and sees that shared card from then on. Pressing again,
/// or a Teams retry, records nothing, edits nothing and answers with the same card.
/// </summary>
public sealed partial class AcknowledgeConnectionCheckCardHandler(
    ConnectionCheckStore store,
    ConnectionCheckViews views,
    ITeamsOutbound teams,
    OutboundWorker background,
    ILogger<AcknowledgeConnectionCheckCardHandler> logger) : ICardActionHandler
{
    public string Verb => ConnectionCheckCard.AcknowledgeVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager };

    public string RefusalSentence => "Only a business manager can acknowledge a connection check.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.DataString("checkId") is not { } checkId || await store.LoadAsync(checkId, cancellationToken).ConfigureAwait(false) is not { } before)
        {
            return CardActionResult.Message("This connection check is no longer on record. Type check-channels to post a new one.");
        }

        var recorded = await store.TryAcknowledgeAsync(checkId, ConnectionCheckViews.PersonKey(action.Actor), action.Actor.DisplayName, cancellationToken).ConfigureAwait(false);
        var (check, acks) = recorded ? (await store.LoadAsync(checkId, cancellationToken).ConfigureAwait(false))!.Value : before;
        if (recorded)
        {
            LogAcknowledged(logger, checkId, action.Actor.AadObjectId ?? action.Actor.TeamsUserId);
            await background.EnqueueAsync($"update the shared card of connection check {checkId}", ct => UpdateSharedCardAsync(checkId, ct), cancellationToken).ConfigureAwait(false);
        }

        return CardActionResult.Card(await views.SharedAsync(check, acks, cancellationToken).ConfigureAwait(false));
    }

    private async Task UpdateSharedCardAsync(string checkId, CancellationToken cancellationToken)
    {
        // Re-read, so concurrent acknowledgements end in one card that lists them all.
        if (await store.LoadAsync(checkId, cancellationToken).ConfigureAwait(false) is not { } current || current.Check.MessageId is null)
        {
            return;
        }

        var (check, acks) = current;
        var card = await views.SharedAsync(check, acks, cancellationToken).ConfigureAwait(false);
        await teams.UpdateAsync(new ThreadMessage(check.ChannelId, check.ThreadId ?? check.ChannelId, check.MessageId), card, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection check {CheckId} acknowledged by {Actor}.")]
    private static partial void LogAcknowledged(ILogger logger, string checkId, string actor);
}
