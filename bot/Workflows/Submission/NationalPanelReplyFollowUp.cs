using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Submission;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Submission;

/// <summary>
/// The National Panel's reply to a submitted report. Mail from the Panel's address (the submission
/// setting, or the address the report went to), whose domain the receiving server authenticated, is
/// matched to a submitted case by the submission's message id in In-Reply-To or References, or by the
/// case code in the subject; it is recorded on the case once and the business managers are told. It
/// is then taken: never an agency's reply or a referral. Anything else is left to the other matchers
/// (the Panel's "Serious Incident logged" email before a submission goes on to intake's own handling).
/// </summary>
public sealed partial class NationalPanelReplyFollowUp(
    CaseService cases,
    CaseIndexStore index,
    IBusinessManagerNotifier notifier,
    IOptions<SubmissionOptions> options,
    ILogger<NationalPanelReplyFollowUp> logger) : ICaseMailFollowUp
{
    private static readonly string[] SubmittedStages = [nameof(CaseStage.Submitted), nameof(CaseStage.Afterwards), nameof(CaseStage.Closed)];

    public async Task<string?> TakeAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var from = ReplyMatcher.Normalise(mail.FromAddress);
        if (from.Length == 0 || !PanelAddresses().Contains(from) || !AuthenticationResults.PassesFor(mail.Header(AuthenticationResults.HeaderName), mail.FromAddress))
        {
            // Unauthenticated mail in the Panel's name goes on to intake, which shows it to the business managers.
            return null;
        }

        var panelMail = new PanelMail(mail.InternetMessageId, mail.FromAddress!, mail.ReceivedAt, mail.Subject, mail.Header("In-Reply-To"), mail.Header("References"), mail.WebLink);
        var named = SubjectLine.CaseCodes(mail.Subject);
        foreach (var code in named)
        {
            if (await cases.FindAsync(code, cancellationToken).ConfigureAwait(false) is { } state && Matches(state, from, panelMail, true) is { } how)
            {
                return await RecordAsync(state, panelMail, how, cancellationToken).ConfigureAwait(false);
            }
        }

        if (panelMail.InReplyTo is null && panelMail.References is null)
        {
            return null;
        }

        // No case named: the reply answers the submission email itself, so look among the submitted cases.
        foreach (var entry in await index.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (!SubmittedStages.Contains(entry.Stage, StringComparer.Ordinal) || named.Contains(entry.CaseCode, StringComparer.Ordinal))
            {
                continue;
            }

            if (await cases.FindAsync(entry.CaseCode, cancellationToken).ConfigureAwait(false) is { } state && Matches(state, from, panelMail, false) is { } how)
            {
                return await RecordAsync(state, panelMail, how, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>The Panel's addresses: the configured one and each playbook's.</summary>
    private HashSet<string> PanelAddresses()
    {
        var addresses = cases.Playbooks.All.Select(p => ReplyMatcher.Normalise(p.Submission.Address)).ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(options.Value.PanelAddress))
        {
            addresses.Add(ReplyMatcher.Normalise(options.Value.PanelAddress));
        }

        return addresses;
    }

    /// <summary>A submitted case answered from the address its report went to (or the configured Panel address).</summary>
    private string? Matches(CaseState state, string from, PanelMail mail, bool caseCodeInSubject)
    {
        if (state.Submission is not { } submission)
        {
            return null;
        }

        var panel = ReplyMatcher.Normalise(submission.To) == from
            || ReplyMatcher.Normalise(options.Value.PanelAddress ?? cases.Playbooks.Find(state.Partnership)?.Submission.Address) == from;
        return panel ? PanelReplyRules.MatchedBy(state, mail, caseCodeInSubject) : null;
    }

    private async Task<string> RecordAsync(CaseState state, PanelMail mail, string matchedBy, CancellationToken cancellationToken)
    {
        var change = await cases.DecideAsync(state.CaseCode, (current, now) => PanelReplyRules.Record(current, mail, matchedBy, now), cancellationToken).ConfigureAwait(false);
        var link = mail.WebLink is null ? string.Empty : $" [Open in Outlook]({mail.WebLink})";
        // The subject is left out: a reply's subject is the Panel's to write and may say more than the case code.
        await notifier.NotifyAsync(new BusinessManagerNotification(
            $"{state.CaseCode}:national-panel-reply:{mail.InternetMessageId}", state.CaseCode, state.Partnership, "national-panel-reply",
            $"the National Panel replied about case {state.CaseCode} ({mail.From}, {BritishDates.DateAndTime(mail.ReceivedAt)}). It is recorded on the case and is in the partnership mailbox.{link}"), cancellationToken).ConfigureAwait(false);
        LogRecorded(state.CaseCode, matchedBy, change.Appended.Count > 0);
        return $"National Panel reply on {state.CaseCode} (matched by {matchedBy})";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "National Panel reply on case {CaseCode}, matched by {MatchedBy} (newly recorded: {Recorded}).")]
    private partial void LogRecorded(string caseCode, string matchedBy, bool recorded);
}
