using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The case's shared card in its panel thread, edited by the case's follow-up after an append (a
/// vote, the decision, a record pressed on the card): the follow-up row written with the append
/// owes it, so it is done after a crash too, and with the case the follow-up holds, no read. A card
/// Teams will not take is logged and left to the next edit, as before.
/// </summary>
public sealed partial class PanelCardShown(IServiceProvider services, ILogger<PanelCardShown> logger) : ICaseShownInTeams
{
    public async Task ShowAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Thread is null)
        {
            return;
        }

        try
        {
            // Resolved when used: the follow-up writes through CaseService, which the worker holds.
            await services.GetRequiredService<DecisionFollowUp>().ShowAsync(state, cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsDeliveryException ex)
        {
            LogNotShown(logger, ex, state.CaseCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The panel card of case {CaseCode} could not be edited; the next change edits it again.")]
    private static partial void LogNotShown(ILogger logger, Exception exception, string caseCode);
}
