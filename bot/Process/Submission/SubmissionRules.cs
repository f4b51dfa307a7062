using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Submission;

/// <summary>What a business manager asked for: submit the report's current version, with the reason
/// when it goes before the sign-off rule is met.</summary>
public sealed record SubmissionRequest(Actor Actor, string? Reason);

/// <summary>The email that carried the report: where to, its internetMessageId, the version attached.</summary>
public sealed record SubmissionSent(string To, string MessageId, int Version, string Sha256);

/// <summary>
/// The submission of the report to the National Panel (domain README, Submission; e.g. seed-000 §8.4
/// "OSCP Business Manager sends final report to the National Panel by 4.00pm on Day 15"). A business
/// manager submits the current version once the playbook's sign-off rule is met; before that only with
/// a reason, which is recorded. A case is submitted once: the email is keyed on the case, and a second
/// request is answered with when and by whom it went.
/// </summary>
public static class SubmissionRules
{
    /// <summary>One submission email per case, whatever the version: a second request never sends again.</summary>
    public static string OnceKey(string caseCode) => caseCode + ":national-panel-submission";

    /// <summary>The subject carries the case code and the partnership, never a child's details; the
    /// Panel's reply keeps it, which is how the reply is matched to the case.</summary>
    public static string Subject(Playbook playbook, string caseCode)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return $"Rapid Review – {playbook.Name} – {caseCode}";
    }

    /// <summary>Refuses in a sentence what may not be submitted now; returns the version that would go.</summary>
    public static ReportVersionToSend Check(CaseState state, SubmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId}.");
        }

        if (!request.Actor.IsBusinessManager)
        {
            throw new CaseRuleException("Only a business manager can submit the report to the National Panel.");
        }

        if (state.Submission is { } done)
        {
            throw new CaseRuleException(AlreadySubmitted(state.CaseCode, done));
        }

        if (state.OutcomeKind != OutcomeKind.RapidReview || state.IsClosed)
        {
            throw new CaseRuleException($"Only a case going to Rapid Review has a report for the National Panel; case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}.");
        }

        if (state.CurrentReportVersion is not { } version)
        {
            throw new CaseRuleException($"Case {state.CaseCode} has no report version yet: generate it with \"report {state.CaseCode}\" first.");
        }

        if (state.SignedOffAt is null && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new CaseRuleException($"The report for case {state.CaseCode} is not signed off yet by the playbook's rule. To send it anyway, give your reason, e.g. \"submit {state.CaseCode} the deadline is today and the police lead has agreed by phone\"; the reason is kept on the case.");
        }

        return new ReportVersionToSend(version.Number, version.Sha256, version.FileName);
    }

    /// <summary>When, by whom, to whom and in which email the report went.</summary>
    public static string AlreadySubmitted(string caseCode, SubmissionRecord done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return $"The report for case {caseCode} was already submitted on {BritishDates.DateAndTime(done.At)} by {done.By} to {done.To}{(done.MessageId is null ? string.Empty : $" (message id {done.MessageId})")}. Nothing was sent again.";
    }

    /// <summary>Records the sent email on the case; nothing when the case already has its submission
    /// (a reconciliation after a crash finding it recorded), so recording twice adds nothing.</summary>
    public static IReadOnlyList<NewEvent> Record(Playbook playbook, CaseState state, SubmissionRequest request, SubmissionSent sent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sent);
        if (state.SubmittedAt is not null)
        {
            return [];
        }

        var early = state.SignedOffAt is null ? request.Reason?.Trim() : null;
        var reason = early is null
            ? $"Version {sent.Version} of the report emailed to {sent.To} from the partnership mailbox ({playbook.Submission.Source})."
            : $"Version {sent.Version} of the report emailed to {sent.To} from the partnership mailbox before the sign-off rule was met, because: {early}";
        var submitted = new Submitted(sent.To, request.Actor, reason, sent.MessageId, sent.Version, sent.Sha256, early);
        return [new NewEvent(CaseEventTypes.Submitted, CaseJson.Write(submitted), now)];
    }
}

/// <summary>The report version a submission attaches.</summary>
public sealed record ReportVersionToSend(int Number, string Sha256, string FileName);
