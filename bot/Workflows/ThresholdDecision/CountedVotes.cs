using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// What "Cast my vote" says about the presser's seat, from what the stream holds: a vote counted for
/// the seat (theirs, or their deputy's) is said to be counted, with its outcome and when, beside
/// what was decided; only a seat with no vote hears that its vote was not counted.
/// </summary>
public static class CountedVotes
{
    /// <summary>The stream holds this ballot: the click's vote is recorded.</summary>
    public static string Recorded(Playbook playbook, CaseState state, Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ballot);
        var cast = state.SeatVotes[ballot.Seat];
        return $"Your vote is recorded (\"{Label(playbook, cast.Outcome)}\", {BritishDates.DateAndTime(cast.At)}).{Outcome(state)}";
    }

    /// <summary>The press came after voting closed (decided, escalated or later).</summary>
    public static string AfterVotingClosed(Playbook playbook, CaseState state, Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ballot);
        if (!state.SeatVotes.TryGetValue(ballot.Seat, out var counted))
        {
            return state.Decision is not null
                ? "The decision had already been made, so your vote was not counted."
                : $"Votes are closed: case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}, so your vote was not counted.";
        }

        var whose = counted.VoterObjectId == ballot.Actor.ObjectId ? "Your vote" : $"The vote {counted.VoterName} cast for your seat";
        var sentence = $"{whose} (\"{Label(playbook, counted.Outcome)}\", {BritishDates.DateAndTime(counted.At)}) was counted.";
        if (!DecisionRules.Holds(state, ballot))
        {
            sentence += " Voting had closed, so this different vote was not recorded.";
        }

        return sentence + Outcome(state);
    }

    private static string Outcome(CaseState state) => state switch
    {
        { Decision: { } decision, DecidedAt: { } at } => $" The panel's decision is \"{decision.OutcomeLabel}\" ({BritishDates.DateAndTime(at)}).",
        { Stage: CaseStage.AwaitingDecision } => string.Empty,
        _ => $" Case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}.",
    };

    private static string Label(Playbook playbook, string outcome) => playbook.FindOutcome(outcome)?.Label ?? outcome;
}
