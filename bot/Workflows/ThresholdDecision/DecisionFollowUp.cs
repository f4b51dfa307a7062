using System.Globalization;
using System.Text;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// What follows a threshold decision: the thread's card shows the decision and its rationale; the
/// referrer is emailed the decision with the rationale; the business managers are told the next
/// step (notify the National Panel within its deadline, send the information requests, or wait for
/// the re-submitted referral); an escalation is put to them with the playbook's route. Each step
/// is recorded on the case stream and skipped when already recorded, so running again is harmless.
/// </summary>
public sealed partial class DecisionFollowUp(
    CaseService cases,
    PlaybookCatalogue playbooks,
    CaseSchedule schedule,
    PanelViews views,
    PanelThread thread,
    PanelCardEdits edits,
    ManagerNoticeBatches alerts,
    IEnumerable<IPartnershipMail> mailers,
    CaseFollowUpRows followUpRows,
    TimeProvider time,
    ILogger<DecisionFollowUp> logger)
{
    public const string DecisionNotice = "threshold-decision";
    public const string EscalationNotice = "threshold-escalation";

    /// <summary>Whether the case was decided and its follow-up has not finished: the managers' notice,
    /// its last step (after the referrer's letter), is not recorded yet.</summary>
    public static bool IsOutstanding(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Decision is not null && !state.Notifications.Contains(NoticeId(DecisionNotice, state));
    }

    /// <summary>Whether what follows the case's decision or escalation is still owed: the managers'
    /// notice, the last step, is not recorded for it yet.</summary>
    public static bool IsOwed(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return IsOutstanding(state)
            || (state.Decision is null && state.Escalation is not null && !state.Notifications.Contains(NoticeId(EscalationNotice, state)));
    }

    private static string NoticeId(string noticeId, CaseState panel) =>
        $"{noticeId}:{panel.DecidedAt?.ToUnixTimeMilliseconds() ?? panel.EscalatedAt?.ToUnixTimeMilliseconds() ?? 0}";

    /// <summary>Edits the thread's card to show the case as it now stands.</summary>
    public async Task UpdateThreadAsync(string caseCode, CancellationToken cancellationToken) =>
        await UpdateThreadAsync(await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Edits the thread's card to show <paramref name="panel"/>, unless it shows that already.</summary>
    public Task ShowAsync(CaseState panel, CancellationToken cancellationToken) => UpdateThreadAsync(panel, cancellationToken);

    private async Task UpdateThreadAsync(CaseState panel, CancellationToken cancellationToken)
    {
        if (panel.Thread is not { } opened)
        {
            return;
        }

        var playbook = playbooks.Get(panel.Partnership);
        var card = PanelCards.Shared(await views.BuildAsync(playbook, panel, cancellationToken).ConfigureAwait(false));
        if (!edits.Differs(panel.CaseCode, card, out var hash))
        {
            return;
        }

        await thread.UpdateAsync(opened, card, cancellationToken).ConfigureAwait(false);
        edits.Shown(panel.CaseCode, hash);
    }

    public async Task RunAsync(string caseCode, CancellationToken cancellationToken)
    {
        var panel = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        await UpdateThreadAsync(panel, cancellationToken).ConfigureAwait(false);
        var playbook = playbooks.Get(panel.Partnership);
        if (panel.Decision is not null)
        {
            var mailNote = await InformReferrerAsync(playbook, panel, cancellationToken).ConfigureAwait(false);
            await TellManagersAsync(panel, DecisionNotice, NextStepSentence(playbook, panel) + mailNote, cancellationToken).ConfigureAwait(false);
        }
        else if (panel.Escalation is { } escalation)
        {
            var route = panel.Votes.Count < playbook.Decision.Quorum ? playbook.Decision.WhenWindowPasses : playbook.Decision.OnDisagreement;
            var sentence = $"Case {caseCode} ({playbook.Name}) needs you: the threshold decision is escalated. {escalation} {(escalation.Contains(route, StringComparison.Ordinal) ? string.Empty : route + " ")}Open the case's thread in the panel channel to record the outcome once it is resolved.";
            await TellManagersAsync(panel, EscalationNotice, sentence, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> InformReferrerAsync(Playbook playbook, CaseState panel, CancellationToken cancellationToken)
    {
        // Once per outcome: an escalation's letter is followed by the letter with how it was resolved.
        var outcome = panel.Decision!.Outcome;
        if (panel.ReferrerInformed?.Outcome == outcome)
        {
            return string.Empty;
        }

        if (panel.Referral?.Summary.ReferrerEmail is not { Length: > 0 } to)
        {
            return " No referrer's email address is on record, so the referrer has not been told: please tell them the decision and its rationale.";
        }

        var mailer = mailers.FirstOrDefault(m => m.IsConnected);
        if (mailer is null)
        {
            return $" I could not email the referrer ({to}) because no mail connection is configured: please send them the decision and its rationale.";
        }

        var (subject, body) = ReferrerLetter(playbook, panel);
        var id = await mailer.SendAsync(playbook.Mailbox.Address, to, subject, body, $"threshold-decision-letter:{panel.CaseCode}:{outcome}", cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var informed = new ReferrerInformed(to, outcome, id, Actor.System, $"The decision and its rationale were emailed to the referrer from {playbook.Mailbox.Address}.");
        await cases.DecideAsync(panel.CaseCode, (state, _) => DecisionRules.ReferrerInformed(state, informed, now), cancellationToken).ConfigureAwait(false);
        LogReferrerInformed(logger, panel.CaseCode);
        return $" The referrer ({to}) has been emailed the decision and its rationale.";
    }

    private async Task TellManagersAsync(CaseState panel, string noticeId, string sentence, CancellationToken cancellationToken)
    {
        var id = NoticeId(noticeId, panel);
        if (panel.Notifications.Contains(id))
        {
            return;
        }

        // Posted, then recorded: only the instance holding the case's follow-up row may post it, and
        // its claim is renewed first if the run (a slow letter, say) has used much of it.
        if (!await followUpRows.HoldAsync(panel.CaseCode, cancellationToken).ConfigureAwait(false))
        {
            LogNoticeLeft(logger, panel.CaseCode);
            return;
        }

        var reached = await alerts.AlertAsync(sentence, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var notified = new BusinessManagersNotified(id, sentence, Actor.System, $"Sent to {reached} business manager(s) in Teams.");
        await cases.DecideAsync(panel.CaseCode, (state, _) => DecisionRules.ManagersNotified(state, notified, now), cancellationToken).ConfigureAwait(false);
    }

    private string NextStepSentence(Playbook playbook, CaseState panel)
    {
        var state = panel;
        var decision = panel.Decision!;
        var timetable = schedule.Timetable(playbook, state);
        var text = new StringBuilder($"Case {state.CaseCode} ({playbook.Name}): the threshold decision is \"{decision.OutcomeLabel}\". ");
        switch (state.OutcomeKind)
        {
            case OutcomeKind.RapidReview:
                if (playbook.Deadlines.FirstOrDefault(d => d.CompletedBy == Milestones.NationalPanelNotified && d.AppliesWhen == OutcomeKind.RapidReview) is { } notify)
                {
                    text.Append(CultureInfo.InvariantCulture, $"Next: notify the National Panel by {BritishDates.DateAndTime(timetable.Get(notify.Key).DueAt)}, then press \"Record National Panel notified\" on the case's card (or type: notified {state.CaseCode} ‹date›). ");
                }

                if (playbook.Deadlines.FirstOrDefault(d => d.CompletedBy == Milestones.InformationRequested) is { } requests)
                {
                    var templates = string.Join(" and ", playbook.InformationRequests.Templates);
                    var send = RequestSendMoment.For(playbook, timetable, time.GetUtcNow());
                    var when = send.OnSending
                        ? "they go out as soon as you send them"
                        : $"they go out on {BritishDates.DateAndTime(send.At)}, the start of the day they are due to be sent";
                    text.Append(CultureInfo.InvariantCulture, $"Information requests ({templates}) are due to go to every agency that knew the child by {BritishDates.DateAndTime(timetable.Get(requests.Key).DueAt)}: type \"requests {state.CaseCode} choose\" in your chat with me to choose the agencies and send them; {when}.");
                }

                break;
            case OutcomeKind.IncompleteReferral:
                var resubmission = playbook.Deadlines.FirstOrDefault(d => d.CompletedBy == Milestones.Resubmitted);
                text.Append(resubmission is null
                    ? "The referrer has been asked for what is missing; the panel decides when the referral comes back."
                    : $"The updated referral must be re-submitted by {BritishDates.DateAndTime(timetable.Get(resubmission.Key).DueAt)}.");
                break;
            default:
                var outcome = playbook.FindOutcome(decision.Outcome);
                if (outcome is { SetsInMotion.Count: > 0 })
                {
                    text.Append("Next: ").Append(string.Join("; ", outcome.SetsInMotion)).Append('.');
                }

                break;
        }

        return text.ToString().TrimEnd();
    }

    private (string Subject, string Body) ReferrerLetter(Playbook playbook, CaseState panel)
    {
        var resubmission = playbook.Deadlines.FirstOrDefault(d => d.CompletedBy == Milestones.Resubmitted);
        DateTimeOffset? resubmitBy = resubmission is null ? null : schedule.Timetable(playbook, panel).Get(resubmission.Key).DueAt;
        return ReferrerDecisionLetter.Write(playbook, panel, panel.Decision!, resubmitBy);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referrer emailed the threshold decision of case {CaseCode}.")]
    private static partial void LogReferrerInformed(ILogger logger, string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseCode}'s follow-up is held by another instance now; the business managers' notice is left to it.")]
    private static partial void LogNoticeLeft(ILogger logger, string caseCode);
}
