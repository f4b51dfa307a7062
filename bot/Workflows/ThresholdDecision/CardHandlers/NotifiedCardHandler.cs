using System.Globalization;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;

/// <summary>"Record National Panel notified" with the date it was sent.</summary>
public sealed class NotifiedCardHandler(RecordNotification notification, PanelCardViews cards) : ICardActionHandler
{
    public string Verb => PanelCards.NotifiedVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => "Only a business manager or the local authority can record the notification.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode)
        {
            return CardActionResult.Message("This card does not say which case it is about; nothing was recorded.");
        }

        if (!DateOnly.TryParseExact(action.DataString("notifiedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var notifiedOn))
        {
            return CardActionResult.Message("Please give the date the National Panel was notified; nothing was recorded.");
        }

        try
        {
            var done = await notification.RecordAsync(caseCode, notifiedOn, action.Actor, cancellationToken).ConfigureAwait(false);
            var view = await cards.ViewAsync(caseCode, action.Actor, cancellationToken).ConfigureAwait(false);
            return view is CardReply && !SubmitFallbackAnswers.IsFallback(action) ? view : CardActionResult.Message(done);
        }
        catch (CaseRuleException ex)
        {
            return CardActionResult.Message(ex.Message);
        }
    }
}
