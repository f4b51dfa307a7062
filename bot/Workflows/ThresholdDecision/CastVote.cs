using System.Collections.Immutable;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// One click of "Cast my vote": the seat is checked on the case as this instance knows it (no read
/// when current), the vote is decided by <see cref="DecisionRules.Vote"/> and appended in one write,
/// and the rule decides the moment it can. Retries and double clicks of the same vote add nothing.
/// </summary>
public sealed partial class CastVote(
    CaseService cases,
    SeatResolver seats,
    PanelChanges changes,
    PanelCardViews cards,
    CardRefusals refusals,
    ILogger<CastVote> logger)
{
    public async Task<CardActionResult> CastAsync(string caseCode, TeamsActor voter, VoteInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voter);
        ArgumentNullException.ThrowIfNull(input);
        var current = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!current.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}; nothing was recorded.");
        }

        var playbook = cases.Playbooks.Get(current.Partnership);
        if (seats.Resolve(playbook, voter) is not { } claim)
        {
            await refusals.RefuseAsync(caseCode, PanelCards.VoteVerb, voter, $"{voter.Describe()} holds no voting seat on the {playbook.Name} panel.", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"Only the voting members of the {playbook.Name} panel can vote on case {caseCode}, and you are not one of them, so your vote was not counted. This attempt is recorded on the case's audit trail.");
        }

        var missing = PanelCards.ThresholdQuestions.Where(q => !input.Answers.ContainsKey(q.Key)).Select(q => q.Question).ToList();
        if (missing.Count > 0 || string.IsNullOrWhiteSpace(input.Outcome))
        {
            var what = missing.Count > 0 ? $"answer every threshold question ({string.Join(" ", missing)})" : "choose an outcome";
            return await cards.PersonalAsync(current, voter, $"Please {what}; your vote was not recorded.", cancellationToken).ConfigureAwait(false);
        }

        var ballot = new Ballot(claim.Seat.Key, claim.ByDeputy, input.Outcome, input.Rationale.Trim(), input.Answers.ToImmutableDictionary(StringComparer.Ordinal), CaseActors.From(voter, claim));
        var rules = cases.RulesForCase(caseCode);
        CaseChange change;
        try
        {
            change = await changes.DecideAsync(caseCode, (state, now) => DecisionRules.Vote(rules, state, ballot, now), cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            var latest = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
            return await cards.PersonalAsync(latest, voter, ex.Message + " Your vote was not recorded.", cancellationToken).ConfigureAwait(false);
        }

        var state = change.State;
        string? notice = null;
        if (change.Appended.Count == 0 && state.Stage != CaseStage.AwaitingDecision)
        {
            notice = state.Decision is not null
                ? "The decision had already been made, so your vote was not counted."
                : $"Votes are closed: case {caseCode} is {CaseStageNames.Describe(state.Stage)}, so your vote was not counted.";
        }
        else if (change.Appended.Count > 0)
        {
            LogVoted(logger, caseCode, claim.Seat.Key, change.Attempts);
        }

        await changes.AfterAsync(caseCode, state, change.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return await cards.PersonalAsync(state, voter, notice, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vote recorded on case {CaseCode} for seat {Seat} after {Attempts} attempt(s).")]
    private static partial void LogVoted(ILogger logger, string caseCode, string seat, int attempts);
}
