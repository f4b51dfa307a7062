using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.ConnectionCheck;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.ConnectionCheck.CardHandlers;

/// <summary>Teams asks for one person's view of a connection check (refresh.userIds, or the
/// "Refresh card" menu): the card as that person should see it. Reads only; changes nothing.</summary>
public sealed class RefreshConnectionCheckCardHandler(ConnectionCheckStore store, ConnectionCheckViews views) : ICardActionHandler
{
    public string Verb => ConnectionCheckCard.RefreshVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => string.Empty;

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.DataString("checkId") is not { } checkId || await store.LoadAsync(checkId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return CardActionResult.Message("This connection check is no longer on record. Type check-channels to post a new one.");
        }

        return CardActionResult.Card(await views.PersonalAsync(current.Check, current.Acks, action.Actor, cancellationToken).ConfigureAwait(false));
    }
}
