using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>A case opened by hand, why its panel thread cannot be posted (if it cannot), whether it was
/// open already (the same form submitted again), and whether the thread is posted already (else it
/// follows right after the answer).</summary>
public sealed record OpenedReferral(string CaseCode, string? ThreadFailure, bool WasOpenAlready = false, bool ThreadPosted = false);

/// <summary>
/// Opens a case from a referral a business manager entered on the refer form, and puts it to the
/// panel. Whether it is open already is decided with the append, so a form pressed again (after a
/// failure, or twice) opens its one case once.
/// </summary>
public sealed partial class OpenCase(
    CaseService cases,
    CaseCodeAllocator codes,
    ReferralVault vault,
    PostToPanel post,
    ThreadFromFollowUp thread,
    TimeProvider time,
    ILogger<OpenCase> logger)
{
    /// <summary>A new case code for a referral entered by hand, from its partnership and year.</summary>
    public Task<string> NextCodeAsync(ReferralForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var playbook = cases.Playbooks.Get(form.Partnership);
        return codes.NextAsync(playbook.CaseCode.Prefix, WorkingDayCalendar.ToLondon(form.ReceivedAt).Year, cancellationToken);
    }

    /// <summary>Takes back a code this form did not use (it had one already), so codes run without a gap.</summary>
    public Task GiveBackCodeAsync(string code, CancellationToken cancellationToken) => codes.GiveBackAsync(code, cancellationToken);

    /// <summary>Why a referral cannot open a case, or null when it can.</summary>
    public string? Check(ReferralForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (cases.Playbooks.Find(form.Partnership) is null)
        {
            return $"There is no partnership '{form.Partnership}'. The partnerships are: {string.Join(", ", cases.Playbooks.Keys)}.";
        }

        if (form.ReferralKind is not (CaseRules.Referral or CaseRules.SeriousIncidentNotification))
        {
            return $"A case is opened from a referral or a serious incident notification, not '{form.ReferralKind}'.";
        }

        return form.ReceivedAt > time.GetUtcNow()
            ? $"The referral cannot have been received in the future ({BritishDates.DateAndTime(form.ReceivedAt)})."
            : null;
    }

    /// <summary>
    /// Opens case <paramref name="code"/> (the code reserved for this form) and puts it to the panel
    /// in one append. The thread is posted from the follow-up row that append writes: after the
    /// answer as deployed, or before it where follow-ups run before the reply.
    /// </summary>
    public async Task<OpenedReferral> OpenAsync(string code, ReferralForm form, TeamsActor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Check(form) is { } problem)
        {
            throw new CaseRuleException(problem);
        }

        var rules = cases.RulesForCase(code);
        var actor = CaseActors.From(by);
        // The child's details are sealed apart before the case records that it has them.
        await vault.SealAsync(code, SealedChildDetails.Sealed(form.Child), cancellationToken).ConfigureAwait(false);
        // The code was handed out for this form; a second press finds the case by the append's collision.
        var opened = await cases.DecideNewAsync(
            code,
            (state, now) => DecisionRules.OpenFromFormToPanel(rules, state, code, form.ReferralKind, form.ReceivedAt, form.Summary, actor, now),
            cancellationToken).ConfigureAwait(false);
        var wasOpenAlready = opened.Appended.Count == 0;
        if (!wasOpenAlready)
        {
            LogOpened(logger, code, rules.Playbook.Key);
        }

        var state = opened.State;
        if (state.Thread is not null || state.PutToPanelAt == state.OpenedAt && state.PutToPanelAt is not null)
        {
            var (posted, failure) = await thread.AwaitAsync(state, cancellationToken).ConfigureAwait(false);
            return new OpenedReferral(code, failure, wasOpenAlready, posted);
        }

        // Decided on opening (no vote), or opened by a version that put it to the panel apart: post now.
        var notPosted = await post.PostAsync(code, actor, cancellationToken).ConfigureAwait(false);
        return new OpenedReferral(code, notPosted, wasOpenAlready, ThreadPosted: notPosted is null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode} opened for playbook {Playbook}.")]
    private static partial void LogOpened(ILogger logger, string caseCode, string playbook);
}
