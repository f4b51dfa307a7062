using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>
/// What a new report version voids, as partners sign (and the business manager checks) the version
/// they read: until the report is signed off, every seat's answer on the current version and the
/// compliance check recorded on it. The case fold applies this rule when a version arrives, and the
/// bot asks before a version attached in chat would void anything.
/// </summary>
public sealed record NewVersionVoids(int? OverVersion, string? OverSha256, IReadOnlyList<SeatSignOff> Answers, ReportComplianceCheck? ComplianceCheck)
{
    /// <summary>Whether a version arriving now voids the seats' answers.</summary>
    public static bool VoidsAnswers(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.SignedOffAt is null && !state.SignOffs.IsEmpty;
    }

    /// <summary>Whether a version arriving now voids the compliance check.</summary>
    public static bool VoidsComplianceCheck(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.SignedOffAt is null && state.ComplianceCheck is not null;
    }

    /// <summary>What a version arriving now would void, and the version it would supersede.</summary>
    public static NewVersionVoids Of(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            state.CurrentReportVersion?.Number,
            state.CurrentReportVersion?.Sha256,
            VoidsAnswers(state) ? [.. state.SeatSignOffs.Values.OrderBy(a => a.Seat, StringComparer.Ordinal)] : [],
            VoidsComplianceCheck(state) ? state.ComplianceCheck : null);
    }

    public bool IsEmpty => Answers.Count == 0 && ComplianceCheck is null;

    /// <summary>One line naming the version and each answer it supersedes, to tell whether anything changed since.</summary>
    public string Fingerprint =>
        $"v{OverVersion}:{OverSha256}|{string.Join(";", Answers.Select(a => $"{a.Seat}={AnswerOf(a)}@{a.ObjectId}"))}|check={ComplianceCheck?.Version}";

    /// <summary>Each thing it voids in a line a person reads, seats by their playbook title in the playbook's sign-off order: "Police: signed off".</summary>
    public IReadOnlyList<string> Lines(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var order = playbook.SignOff.Seats.ToList();
        var lines = Answers
            .OrderBy(a => order.IndexOf(a.Seat) is var i and >= 0 ? i : order.Count)
            .Select(a => $"{playbook.FindSeat(a.Seat)?.Title ?? a.Seat}: {AnswerOf(a)}")
            .ToList();
        if (ComplianceCheck is not null)
        {
            lines.Add($"{playbook.SignOff.ComplianceCheck?.Name ?? "The business manager's check"}: recorded");
        }

        return lines;
    }

    /// <summary>What changed on the case since these were named, in a sentence; null when nothing did.</summary>
    public string? ChangeSince(CaseState state, Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = Of(state);
        if (now.Fingerprint == Fingerprint)
        {
            return null;
        }

        if (now.OverVersion != OverVersion || now.OverSha256 != OverSha256)
        {
            return $"Since you attached this file, the report for {state.CaseCode} moved on to version {now.OverVersion}, so this file was not stored over it.";
        }

        if (state.SignedOffAt is not null)
        {
            return $"Since you attached this file, the report for {state.CaseCode} was signed off on version {OverVersion}, so this file was not stored over it.";
        }

        var shown = Lines(playbook).ToHashSet(StringComparer.Ordinal);
        var changed = now.Lines(playbook).Where(l => !shown.Contains(l)).ToList();
        var what = changed.Count > 0 ? $"now {string.Join("; ", changed)}" : "someone else answered for a seat";
        return $"Since you attached this file, the answers on version {OverVersion} of the report for {state.CaseCode} changed ({what}), so this file was not stored: it would void answers you were not shown.";
    }

    /// <summary>The answer a seat gave: "signed off", "signed off with comments" or "did not sign off".</summary>
    public static string AnswerOf(SeatSignOff answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return !answer.Agrees ? "did not sign off" : answer.Comments is null ? "signed off" : "signed off with comments";
    }
}
