using TeamsReviewBot.Cards;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;

/// <summary>
/// An Action.Submit fallback (older Teams clients) cannot be answered with a view only the presser
/// sees: the answer card replaces the shared message for everyone. So a personal card is never the
/// answer to a fallback press; a neutral sentence is, and the shared card shows the result.
/// </summary>
internal static class SubmitFallbackAnswers
{
    public static bool IsFallback(CardAction action) => PanelCards.IsSubmitFallback(action.Data);

    public static CardActionResult Public(CardAction action, CardActionResult result, string sentence) =>
        IsFallback(action) && result is CardReply ? CardActionResult.Message(sentence) : result;
}
