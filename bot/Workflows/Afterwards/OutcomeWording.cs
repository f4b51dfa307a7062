using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>The outcome of a Rapid Review in a sentence for a letter: what the meeting recommended on
/// a practice review, never its free-text learning (which may name the family).</summary>
public static class OutcomeWording
{
    public static string Of(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ReviewRecommended switch
        {
            ReviewRecommendations.Yes => "the Rapid Review recommends a Local Child Safeguarding Practice Review. The partnership will be in touch about what this asks of your agency.",
            ReviewRecommendations.No => "the Rapid Review does not recommend a Local Child Safeguarding Practice Review; the learning it identified is taken forward by the partnership.",
            ReviewRecommendations.NeedsMoreInformation => "the Rapid Review needs more information before it can say whether a Local Child Safeguarding Practice Review is required; the partnership will write again when it has decided.",
            _ => "the Rapid Review is complete and its report is with the National Panel.",
        };
    }
}
