using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// Tells the business managers, in their personal chats, what the case owes them about sign-off
/// (<see cref="SignOffManagerNotices"/>): all of a case's owed notices in one message, then each
/// recorded on the case under its own id in one append. The message goes before the record, so a
/// crash between the two repeats a message rather than losing one; a notice already recorded is
/// never sent again. A notice names the case code, the seat by its title and who answered for it,
/// the version, the playbook's route on disagreement and the submission deadline: never a child's
/// details, and never the partner's reason, which is free text and may name the child.
/// </summary>
public sealed partial class SignOffNoticeSender(
    CaseService cases,
    IBusinessManagerAlerts alerts,
    TimeProvider time,
    ILogger<SignOffNoticeSender> logger)
{
    /// <summary>Tells what <paramref name="state"/> (the case as the follow-up holds it) owes; the
    /// record's append checks the stream again, so a notice recorded meanwhile is not recorded twice.</summary>
    public async Task SendAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var caseCode = state.CaseCode;
        var owed = SignOffManagerNotices.Owed(state);
        if (owed.Count == 0)
        {
            return;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var now = time.GetUtcNow();
        var opening = $"Case {state.CaseCode} ({playbook.Name}):";
        var due = Due(playbook, state, now);
        var sentences = owed.Select(n => (Notice: n, Sentence: Sentence(playbook, state, n, now))).ToList();
        var message = $"{opening} {string.Join(" ", sentences.Select((s, i) => i == 0 ? s.Sentence : Capitalised(s.Sentence)))} {due}";
        var reached = await alerts.AlertAsync(message, cancellationToken).ConfigureAwait(false);

        // Each notice on the audit trail reads whole: the case, what happened, and the deadline.
        var told = sentences.Select(s => (s.Notice, $"{opening} {s.Sentence} {due}")).ToList();
        var change = await cases.DecideAsync(caseCode, (current, at) => SignOffManagerNotices.Told(current, told, $"Sent to {reached} business manager(s) in Teams.", at), cancellationToken).ConfigureAwait(false);
        LogTold(caseCode, owed.Count, reached, change.Appended.Count);
    }

    private string Sentence(Playbook playbook, CaseState state, SignOffNotice notice, DateTimeOffset now)
    {
        var version = notice.Version;
        switch (notice.Kind)
        {
            case SignOffNoticeKind.Declined:
                var answer = notice.Answer!;
                var who = answer.ByDeputy ? $"{answer.Name}, as deputy" : answer.Name;
                return $"the {Title(playbook, answer.Seat)} ({who}) did not sign off version {version} of the report. "
                    + $"Their reason is not repeated in messages (it is free text and may name the child): type \"comments {state.CaseCode}\" in your chat with me to read it.";
            case SignOffNoticeKind.Blocked:
                var route = playbook.SignOff.OnDisagreement;
                var deadline = cases.SignOffDeadline(playbook, state) ?? DateTimeOffset.MaxValue;
                var verdict = SignOffEvaluator.Evaluate(playbook, [.. state.SignOffs.Values], now, deadline, state.ComplianceCheck?.At);
                var why = verdict is SignOffVerdict.Blocked blocked ? blocked.Explanation : route;
                return $"sign-off of version {version} can no longer be reached as the answers stand. {why}{(why.Contains(route, StringComparison.Ordinal) ? string.Empty : " " + route)}";
            case SignOffNoticeKind.SignOffsVoided:
                return $"version {version} of the report replaces version {version - 1}, so the sign-off answers given on version {version - 1} are void; each signing partner is sent the card for version {version} and asked again.";
            default:
                var check = playbook.SignOff.ComplianceCheck;
                var name = check?.Name ?? "check of the report";
                var again = check is null ? string.Empty : $" Once version {version} {check.Confirms}, type \"{ComplianceCheckCommand.CommandName} {state.CaseCode}\".";
                return $"the {name} recorded on version {version - 1} is void now that version {version} replaces it.{again}";
        }
    }

    private string Due(Playbook playbook, CaseState state, DateTimeOffset now) =>
        cases.Schedule.Timetable(playbook, state).Find(playbook.Submission.Deadline) is { } submission
            ? SignOffManagerNotices.SubmissionDue(cases.Schedule.Calendar, now, submission.DueAt)
            : "The submission deadline is not in this case's timetable.";

    /// <summary>Each sentence follows the case's opening colon on its own; after the first it starts a sentence.</summary>
    private static string Capitalised(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    private static string Title(Playbook playbook, string seat) => playbook.FindSeat(seat)?.Title ?? seat;

    [LoggerMessage(Level = LogLevel.Information, Message = "Business managers told about sign-off of case {CaseCode} ({Notices} notice(s)): reached {Reached} in Teams, {Recorded} recorded.")]
    private partial void LogTold(string caseCode, int notices, int reached, int recorded);
}
