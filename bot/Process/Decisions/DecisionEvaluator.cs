using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Decisions;

/// <summary>
/// Applies a playbook's decision rule to the votes cast so far at a moment in time. Pure: the same
/// votes, time and rule always give the same verdict. One vote counts per seat; a deputy fills their
/// partner's seat, never a second one (the caller keeps one vote per seat).
/// </summary>
public static class DecisionEvaluator
{
    public static DecisionVerdict Evaluate(
        Playbook playbook,
        string referralKind,
        IReadOnlyCollection<Vote> votes,
        DateTimeOffset now,
        DateTimeOffset windowCloses,
        bool consultationRecorded = false)
    {
        var rule = playbook.Decision;
        var rapidReview = playbook.OutcomeOfKind(OutcomeKind.RapidReview)!;
        if (rule.NoVoteFor?.Contains(referralKind, StringComparer.Ordinal) == true)
        {
            return new DecisionVerdict.Decided(rapidReview.Key, $"A {Describe(referralKind)} always proceeds to a Rapid Review; no vote is needed.");
        }

        var seats = playbook.Seats.Where(s => s.Votes).ToList();
        var counted = votes.Where(v => seats.Any(s => s.Key == v.Seat)).GroupBy(v => v.Seat).Select(g => g.OrderBy(v => v.At).Last()).ToList();
        var windowPassed = now >= windowCloses;
        var allVoted = counted.Count == seats.Count;
        var tally = counted.GroupBy(v => v.Outcome, StringComparer.Ordinal)
            .Select(g => (Outcome: g.Key, Count: g.Count()))
            .OrderByDescending(t => t.Count)
            .ToList();
        var label = (string key) => playbook.FindOutcome(key)?.Label ?? key;
        var missing = seats.Where(s => counted.All(v => v.Seat != s.Key)).Select(s => s.Title).ToList();
        var waiting = $"Waiting for {string.Join(", ", missing)}.";
        var late = $"The decision window closed on {BritishDates.DateAndTime(windowCloses)}";

        switch (rule.Method)
        {
            case DecisionMethod.Unanimous:
                if (tally.Count > 1)
                {
                    if (rule.Dispute is { } dispute)
                    {
                        return new DecisionVerdict.Escalate($"The partners disagree ({Describe(tally, label)}): the disagreement goes to the {dispute.Name}. {rule.OnDisagreement}", IsDispute: true);
                    }

                    return windowPassed
                        ? new DecisionVerdict.Escalate($"{late} and the votes still disagree ({Describe(tally, label)}). {rule.WhenWindowPasses}")
                        : new DecisionVerdict.Undetermined($"The votes disagree ({Describe(tally, label)}). {rule.OnDisagreement}");
                }

                if (tally.Count == 1 && (allVoted || (windowPassed && counted.Count >= rule.Quorum)))
                {
                    return new DecisionVerdict.Decided(tally[0].Outcome, $"{counted.Count} of {seats.Count} seats agreed on {label(tally[0].Outcome)} (at least {rule.Quorum} needed).");
                }

                return windowPassed
                    ? new DecisionVerdict.Escalate($"{late} with {counted.Count} of the {rule.Quorum} votes needed. {rule.WhenWindowPasses}")
                    : new DecisionVerdict.Undetermined(waiting);

            case DecisionMethod.MajorityWithQuorum:
                // A majority over a dissent waits for the consultation the playbook names.
                var consultation = rule.MajorityAfterConsultationWith is { } consultedSeat && tally.Count > 1 && !consultationRecorded
                    ? playbook.FindSeat(consultedSeat)?.Title ?? consultedSeat
                    : null;
                DecisionVerdict Majority(string outcome, string explanation) => consultation is null
                    ? new DecisionVerdict.Decided(outcome, explanation)
                    : windowPassed
                        ? new DecisionVerdict.Escalate($"{late}; the majority for {label(outcome)} was never confirmed in consultation with the {consultation}. {rule.WhenWindowPasses}")
                        : new DecisionVerdict.Undetermined($"{explanation} The votes disagree ({Describe(tally, label)}), so the majority decides only in consultation with the {consultation}: the decision waits until the business manager records it.");

                // An absolute majority of all seats cannot be overturned by the votes still to come;
                // where the playbook says so, a quorum agreeing decides at once.
                var absolute = tally.Count > 0 && tally[0].Count * 2 > seats.Count && counted.Count >= rule.Quorum;
                var quorumAgrees = rule.QuorumDecidesAtOnce && tally.Count > 0 && tally[0].Count >= rule.Quorum && tally[0].Count * 2 > counted.Count;
                if (absolute || quorumAgrees)
                {
                    return Majority(tally[0].Outcome, absolute
                        ? $"{tally[0].Count} of {seats.Count} seats voted for {label(tally[0].Outcome)}, a majority."
                        : $"{tally[0].Count} of the {counted.Count} votes cast were for {label(tally[0].Outcome)}: the quorum of {rule.Quorum} agreeing decides without waiting for the other seats.");
                }

                if (!allVoted && !windowPassed)
                {
                    return new DecisionVerdict.Undetermined(waiting);
                }

                if (counted.Count < rule.Quorum)
                {
                    return new DecisionVerdict.Escalate($"{late} and only {counted.Count} of the {rule.Quorum} votes needed for a quorum were cast. {rule.WhenWindowPasses}");
                }

                if (tally.Count > 1 && tally[0].Count == tally[1].Count)
                {
                    return new DecisionVerdict.Escalate($"The votes are tied ({Describe(tally, label)}). {rule.OnDisagreement}");
                }

                return Majority(tally[0].Outcome, $"{tally[0].Count} of the {counted.Count} votes cast were for {label(tally[0].Outcome)}, a majority with the quorum of {rule.Quorum} met.");

            case DecisionMethod.SplitProceeds:
                if (tally.Count > 1)
                {
                    return new DecisionVerdict.Decided(rule.ProceedOnSplit!, $"The votes are split ({Describe(tally, label)}); on a split the case proceeds to {label(rule.ProceedOnSplit!)}.");
                }

                if (tally.Count == 1 && (allVoted || (windowPassed && counted.Count >= rule.Quorum)))
                {
                    return new DecisionVerdict.Decided(tally[0].Outcome, $"All {counted.Count} seats voted for {label(tally[0].Outcome)}.");
                }

                return windowPassed
                    ? new DecisionVerdict.Escalate($"{late} with {counted.Count} of {seats.Count} seats having indicated. {rule.WhenWindowPasses}")
                    : new DecisionVerdict.Undetermined(waiting);

            default:
                throw new InvalidOperationException($"Decision method {rule.Method} has no evaluator.");
        }
    }

    private static string Describe(string referralKind) => referralKind.Replace('-', ' ');

    private static string Describe(IEnumerable<(string Outcome, int Count)> tally, Func<string, string> label) =>
        string.Join(", ", tally.Select(t => $"{t.Count} for {label(t.Outcome)}"));
}
