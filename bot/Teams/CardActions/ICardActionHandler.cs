using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Teams.CardActions;

/// <summary>
/// Handles one card verb. Register each with AddCardAction&lt;T&gt;(); the router refuses people
/// without one of <see cref="AllowedRoles"/> before the handler runs. A handler must have no second
/// effect when the same action arrives again (Teams retries invokes): record it once (a unique
/// row, or a decision folded from the case) before acting.
/// </summary>
public interface ICardActionHandler
{
    string Verb { get; }

    /// <summary>Who may press it; empty means anyone who can see the card.</summary>
    IReadOnlySet<PartnershipRole> AllowedRoles { get; }

    /// <summary>The sentence a refused person reads, e.g. "Only a business manager can acknowledge a connection check."</summary>
    string RefusalSentence { get; }

    Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken);
}
