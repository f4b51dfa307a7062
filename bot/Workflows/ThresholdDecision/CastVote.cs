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
/// A click storage fails under is answered from the stream (<see cref="UnconfirmedClicks"/>).
/// </summary>
public sealed partial class CastVote(
    CaseService cases,
    SeatResolver seats,
    PanelChanges changes,
    PanelCardViews cards,
    CardRefusals refusals,
    UnconfirmedClicks unconfirmed,
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
        return await unconfirmed.AnswerAsync(
            caseCode,
            PanelCards.VoteVerb,
            "your vote",
            ct => AppendAsync(caseCode, voter, claim, ballot, ct),
            (stored, ct) => StoredAsync(stored, voter, ballot, ct),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> AppendAsync(string caseCode, TeamsActor voter, SeatClaim claim, Ballot ballot, CancellationToken cancellationToken)
    {
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
            notice = CountedVotes.AfterVotingClosed(rules.Playbook, state, ballot);

            // A press again after the decision was stored without its follow-up (a reply cut short)
            // starts the follow-up now rather than leaving it to the timer's lease.
            if (state.SeatVotes.ContainsKey(ballot.Seat) && DecisionFollowUp.IsOutstanding(state))
            {
                await changes.ResumeSoonAsync(caseCode, state, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (change.Appended.Count > 0)
        {
            LogVoted(logger, caseCode, claim.Seat.Key, change.Attempts);
        }

        await changes.AfterAsync(caseCode, state, change.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return await cards.PersonalAsync(state, voter, notice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Storage failed under the click: answers from the stream when it holds this ballot,
    /// and starts what the append owes (the card edit or the decision's follow-up) that the failure cut short.</summary>
    private async Task<CardActionResult?> StoredAsync(CaseState stored, TeamsActor voter, Ballot ballot, CancellationToken cancellationToken)
    {
        if (!DecisionRules.Holds(stored, ballot))
        {
            return null;
        }

        await changes.ResumeSoonAsync(stored.CaseCode, stored, cancellationToken).ConfigureAwait(false);
        var playbook = cases.Playbooks.Get(stored.Partnership);
        return await cards.PersonalAsync(stored, voter, CountedVotes.Recorded(playbook, stored, ballot), cancellationToken).ConfigureAwait(false);
    }

    // Debug: the case's stream records every vote; a line per vote at Information is CPU spent on every click.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Vote recorded on case {CaseCode} for seat {Seat} after {Attempts} attempt(s).")]
    private static partial void LogVoted(ILogger logger, string caseCode, string seat, int attempts);
}
