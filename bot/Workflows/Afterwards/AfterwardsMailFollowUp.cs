using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>
/// Mail a case waits for after its requests: a lesson log from an agency it was asked of, or the
/// referrer's updated referral on an incomplete one. Matched by the case code in the subject
/// (SubjectLine) and the sender being one of the addresses the bot wrote to (the agency's, or the
/// referrer's); anything else is left to the other matchers and to the business managers.
/// </summary>
public sealed partial class AfterwardsMailFollowUp(
    CaseService cases,
    IBusinessManagerNotifier notifier,
    DurableTimerStore timers,
    IOptions<AfterwardsOptions> options,
    ILogger<AfterwardsMailFollowUp> logger) : ICaseMailFollowUp
{
    public async Task<string?> TakeAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var from = ReplyMatcher.Normalise(mail.FromAddress);
        if (from.Length == 0)
        {
            return null;
        }

        foreach (var code in SubjectLine.CaseCodes(mail.Subject))
        {
            var state = await cases.FindAsync(code, cancellationToken).ConfigureAwait(false);
            if (state is null || state.IsClosed)
            {
                continue;
            }

            if (state.LessonLogsOutstanding.FirstOrDefault(a => a.Addresses.Any(x => ReplyMatcher.Normalise(x) == from)) is { } agency)
            {
                return await LessonLogAsync(state, agency, mail, cancellationToken).ConfigureAwait(false);
            }

            if (state.Stage == CaseStage.IncompleteResubmissionDue && ReplyMatcher.Normalise(state.Referral?.Summary.ReferrerEmail) == from)
            {
                return await ResubmittedAsync(state, mail, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async Task<string> LessonLogAsync(CaseState state, LetterRecipient agency, InboundMail mail, CancellationToken cancellationToken)
    {
        var change = await cases.DecideAsync(state.CaseCode, (current, now) => AfterwardsRules.LessonLogBack(current, agency.Name, mail.InternetMessageId, now), cancellationToken).ConfigureAwait(false);
        var left = change.State.LessonLogsOutstanding.Select(a => a.Name).ToList();
        await notifier.NotifyAsync(new BusinessManagerNotification(
            $"{state.CaseCode}:lesson-log:{agency.Name}", state.CaseCode, state.Partnership, "lesson-log",
            $"the lesson log from {agency.Name} for case {state.CaseCode} arrived in the partnership mailbox and is recorded. " + (left.Count == 0 ? "Every agency asked has returned its lesson log, so that item is done." : $"Still to come: {string.Join(", ", left)}.")), cancellationToken).ConfigureAwait(false);
        if (left.Count == 0)
        {
            var rules = new AfterwardsRules(cases.Playbooks.Get(state.Partnership), cases.Schedule);
            await AfterwardsFollowUp.CloseIfNothingOpenAsync(cases, rules, state.CaseCode, notifier, timers, options.Value, cancellationToken).ConfigureAwait(false);
        }

        LogLessonLog(state.CaseCode);
        return $"lesson log on {state.CaseCode}";
    }

    private async Task<string> ResubmittedAsync(CaseState state, InboundMail mail, CancellationToken cancellationToken)
    {
        var rules = cases.RulesForCase(state.CaseCode);
        var after = await cases.ExecuteAsync(
            state.CaseCode,
            (r, current, now) => current.Stage == CaseStage.IncompleteResubmissionDue ? r.Resubmit(current, Actor.System, $"The referrer sent the updated referral by email ({BritishDates.DateAndTime(mail.ReceivedAt)}), matched by the case code in the subject and the referrer's address.", now) : [],
            cancellationToken).ConfigureAwait(false);
        var window = cases.Schedule.Timetable(rules.Playbook, after).Find("decision")?.DueAt;
        await notifier.NotifyAsync(new BusinessManagerNotification(
            $"{state.CaseCode}:resubmitted:{mail.InternetMessageId}", state.CaseCode, state.Partnership, "resubmitted",
            $"the referrer sent the updated referral for case {state.CaseCode}; it is in the partnership mailbox and the case is back with the panel for the threshold decision" + (window is { } due ? $", due {BritishDates.DateAndTime(due)}." : ".")), cancellationToken).ConfigureAwait(false);
        LogResubmitted(state.CaseCode);
        return $"re-submitted referral on {state.CaseCode}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lesson log recorded on case {CaseCode}.")]
    private partial void LogLessonLog(string caseCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-submitted referral recorded on case {CaseCode}.")]
    private partial void LogResubmitted(string caseCode);
}
