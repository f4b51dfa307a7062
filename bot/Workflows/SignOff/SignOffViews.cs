using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>Builds what the sign-off card and the thread's tally show from the case: names, seats
/// and answers on the current version, never a child's details or a partner's reason in the channel.</summary>
public sealed class SignOffViews(CaseService cases, TimeProvider time)
{
    public SignOffCardView Card(CaseState state, Seat seat, bool byDeputy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(seat);
        var playbook = cases.Playbooks.Get(state.Partnership);
        var version = state.CurrentReportVersion ?? throw new CaseRuleException($"Case {state.CaseCode} has no report version to sign off yet.");
        var mine = state.SeatSignOffs.TryGetValue(seat.Key, out var answer)
            ? $"Your seat's answer on version {version.Number}: {Describe(answer)}."
            : null;
        return new SignOffCardView(state.CaseCode, playbook.Name, seat.Title, byDeputy, version.Number, version.Sha256, BritishDates.DateAndTime(version.At), Tally(playbook, state), Standing(playbook, state), mine, state.SignedOffAt is not null);
    }

    public IReadOnlyList<SignOffTallyLine> Tally(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        var seats = SignOffSeats.Signing(playbook).Select(s => new SignOffTallyLine(s.Title, state.SeatSignOffs.TryGetValue(s.Key, out var a) ? Describe(a) : null));
        return playbook.SignOff.ComplianceCheck is { } check
            ? [.. seats, new SignOffTallyLine(Capitalised(check.Name), state.ComplianceCheck is { } done ? $"{done.Name} confirmed" : null)]
            : [.. seats];
    }

    private static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>Where the playbook's rule stands: signed off, blocked, or what it still waits for, and by when.</summary>
    public string Standing(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        var deadline = cases.Schedule.Timetable(playbook, state).Get(playbook.SignOff.Deadline).DueAt;
        var verdict = SignOffEvaluator.Evaluate(playbook, [.. state.SignOffs.Values], time.GetUtcNow(), deadline, state.ComplianceCheck?.At);
        return verdict switch
        {
            _ when state.SignedOffAt is { } at => $"Signed off on {BritishDates.DateAndTime(at)}: {verdict.Explanation}",
            SignOffVerdict.Blocked => verdict.Explanation,
            _ => $"{verdict.Explanation} Due by {BritishDates.DateAndTime(deadline)}.",
        };
    }

    /// <summary>The tally as one line per seat for a reply in the case's thread.</summary>
    public string ThreadTally(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var playbook = cases.Playbooks.Get(state.Partnership);
        var lines = Tally(playbook, state).Select(l => $"- {l.SeatTitle}: {l.Answer ?? "waiting"}");
        return $"{state.CaseCode}: sign-off of report version {state.CurrentReportVersion?.Number}\n{string.Join("\n", lines)}\n{Standing(playbook, state)}";
    }

    private static string Describe(SeatSignOff answer)
    {
        var who = answer.ByDeputy ? $"{answer.Name} (as deputy)" : answer.Name;
        return !answer.Agrees ? $"{who} did not sign off"
            : answer.Comments is not null ? $"{who} signed off with comments"
            : $"{who} signed off";
    }
}
