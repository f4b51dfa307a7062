using System.Globalization;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.SignOff.CardHandlers;

/// <summary>"Sign off", "Sign off with comments" or "Do not sign off" on a sign-off card. Open to anyone
/// who can see the card: the seat check happens on the case, so a refusal lands on its audit trail.</summary>
public sealed class SignOffCardHandler(SignOffRecorder recorder) : ICardActionHandler
{
    public string Verb => SignOffCard.Verb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => "Only the partners who sign off the report can answer this card.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode
            || !int.TryParse(action.DataString("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || action.DataString("sha256") is not { Length: > 0 } sha256)
        {
            return CardActionResult.Message("This card does not say which case and report version it is about; nothing was recorded.");
        }

        var click = new SignOffClick(action.DataString("choice") ?? string.Empty, version, sha256, action.DataString("comments") ?? string.Empty);
        return await recorder.RecordAsync(caseCode, action.Actor, click, cancellationToken).ConfigureAwait(false);
    }
}
