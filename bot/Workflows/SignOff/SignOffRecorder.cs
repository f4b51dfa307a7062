using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.Submission;
using TeamsReviewBot.Workflows.ThresholdDecision;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>What was pressed on a sign-off card.</summary>
public sealed record SignOffClick(string Choice, int Version, string Sha256, string Comments);

/// <summary>
/// One press on a sign-off card: the seat is worked out from who pressed it, the answer is decided
/// by <see cref="SignOffRules.Answer"/> and appended in one write through <see cref="CaseService"/>
/// (a retry or a double click adds nothing), and the thread hears the tally. A person with no
/// signing seat is refused in a sentence and the attempt goes on the case's audit trail.
/// </summary>
public sealed partial class SignOffRecorder(
    CaseService cases,
    SignOffViews views,
    CardRefusals refusals,
    ITeamsOutbound teams,
    SubmissionCardOutbox submissionCards,
    UnconfirmedClicks unconfirmed,
    ReportThreadViews threadViews,
    CaseFollowUpSoon followUp,
    ILogger<SignOffRecorder> logger)
{
    public async Task<CardActionResult> RecordAsync(string caseCode, TeamsActor who, SignOffClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(click);
        var current = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CardActionResult.Message($"There is no case {caseCode}; nothing was recorded.");
        }

        var playbook = cases.Playbooks.Get(current.Partnership);
        if (SignOffSeats.Resolve(playbook, who) is not { } claim)
        {
            await refusals.RefuseAsync(caseCode, SignOffCard.Verb, who, $"{who.Describe()} signs off no {playbook.Name} report.", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"Only the people who sign off {playbook.Name} reports can answer this card, and you are not one of them, so nothing was recorded. This attempt is recorded on the case's audit trail.");
        }

        var answer = new SignOffAnswer(claim.Seat.Key, claim.ByDeputy, click.Choice, click.Version, click.Sha256, click.Comments, CaseActors.From(who, claim));
        return await unconfirmed.AnswerAsync(
            caseCode,
            SignOffCard.Verb,
            "your answer",
            ct => AppendAsync(caseCode, claim, answer, ct),
            (stored, _) => Task.FromResult(SignOffRules.Holds(stored, answer) ? Card(stored, claim, SignOffAnswers.Recorded(stored, answer)) : null),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> AppendAsync(string caseCode, SeatClaim claim, SignOffAnswer answer, CancellationToken cancellationToken)
    {
        var rules = cases.RulesForCase(caseCode);
        CaseChange change;
        try
        {
            // The submission card a sign-off makes owed is written down before the sign-off itself.
            change = await cases.DecideAsync(
                caseCode,
                (state, now) => SignOffRules.Answer(rules, state, answer, now),
                cancellationToken,
                (events, ct) => submissionCards.RecordIfSigningOffAsync(caseCode, events, ct)).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            var latest = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
            return Card(latest, claim, ex.Message + " Nothing was recorded.");
        }

        var state = change.State;
        if (change.Appended.Count == 0)
        {
            return Card(state, claim, SignOffAnswers.PressedAgain(state, answer));
        }

        LogAnswered(logger, caseCode, claim.Seat.Key, change.Attempts);

        // A "do not sign off" (or the rule now blocked) owes the business managers a notice: the
        // append's follow-up row carries it, sent after the reply (SignOffNoticeStep).
        await followUp.StartIfOwedAsync(state, cancellationToken).ConfigureAwait(false);

        await submissionCards.SendSoonIfSignedOffAsync(caseCode, change.Appended, cancellationToken).ConfigureAwait(false);
        await TellThreadAsync(state, cancellationToken).ConfigureAwait(false);
        await UpdateReportCardAsync(state, cancellationToken).ConfigureAwait(false);
        return Card(state, claim, null);
    }

    private CardActionResult Card(CaseState state, SeatClaim claim, string? notice) =>
        state.CurrentReportVersion is null
            ? CardActionResult.Message(notice ?? $"Case {state.CaseCode} has no report version to sign off.")
            : CardActionResult.Card(SignOffCard.Personal(views.Card(state, claim.Seat, claim.ByDeputy), notice));

    /// <summary>The tally goes to the case's thread as a reply: names and seats only. A thread Teams
    /// will not take is logged; the answer is recorded either way and the next one posts the tally again.</summary>
    private async Task TellThreadAsync(CaseState state, CancellationToken cancellationToken)
    {
        if (state.Thread is not { } thread)
        {
            return;
        }

        try
        {
            await teams.ReplyAsync(new ChannelThread(thread.ChannelId, thread.ThreadId), views.ThreadTally(state), cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsDeliveryException ex)
        {
            LogThreadUnreachable(logger, state.CaseCode, ex.Message);
        }
    }

    /// <summary>The report's card in the thread shows the tally too, so whoever opens the thread sees
    /// where sign-off stands. A card Teams will not update is logged; the next answer updates it again.</summary>
    private async Task UpdateReportCardAsync(CaseState state, CancellationToken cancellationToken)
    {
        if (state.Thread is not { } thread || state.CurrentReportVersion is not { } version
            || !state.ReportVersionCards.TryGetValue(version.Number, out var messageId) || messageId is null)
        {
            return;
        }

        try
        {
            await teams.UpdateAsync(new ThreadMessage(thread.ChannelId, thread.ThreadId, messageId), ReportThreadCard.Create(threadViews.View(state)), cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsDeliveryException ex)
        {
            LogThreadUnreachable(logger, state.CaseCode, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-off answer recorded on case {CaseCode} for seat {Seat} after {Attempts} attempt(s).")]
    private static partial void LogAnswered(ILogger logger, string caseCode, string seat, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sign-off tally for case {CaseCode} could not be posted in its thread: {Why}")]
    private static partial void LogThreadUnreachable(ILogger logger, string caseCode, string why);
}
