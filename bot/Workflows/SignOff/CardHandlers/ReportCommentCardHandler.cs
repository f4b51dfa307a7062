using System.Globalization;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.SignOff.CardHandlers;

/// <summary>
/// "Send comment" on the report's card in the case's thread. Panel members (anyone the partnership
/// lists with a role) comment on the current version inside the playbook's window; the comment lands
/// on the case with who and when, and the thread's card shows "comment from X at T" for everyone.
/// Anyone else, or a comment outside the window, is refused in a sentence and audited.
/// </summary>
public sealed partial class ReportCommentCardHandler(
    CaseService cases,
    ReportThreadViews views,
    CardRefusals refusals,
    ReportThreadCardUpdate threadCard,
    ILogger<ReportCommentCardHandler> logger) : ICardActionHandler
{
    public string Verb => ReportThreadCard.CommentVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => "Only members of the partnership's panel can comment on the report.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode
            || !int.TryParse(action.DataString("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return CardActionResult.Message("This card does not say which case and report version it is about; nothing was recorded.");
        }

        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state?.CurrentReportVersion is null)
        {
            return CardActionResult.Message($"There is no report for case {caseCode}; nothing was recorded.");
        }

        var who = action.Actor;
        if (who.Roles.Count == 0)
        {
            await refusals.RefuseAsync(caseCode, Verb, who, $"{who.Describe()} is not on the panel and cannot comment on the report.", cancellationToken).ConfigureAwait(false);
            return Card(state, "Only members of the partnership's panel can comment on the report, and you are not listed as one, so nothing was recorded. This attempt is recorded on the case's audit trail.");
        }

        CaseChange change;
        try
        {
            var window = views.Window(state);
            change = await cases.DecideAsync(
                caseCode,
                (current, now) => ReportCommentRules.Comment(current, views.Window(current) ?? window, version, action.DataString("comment") ?? string.Empty, "card", CaseActors.From(who), now),
                cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            await refusals.RefuseAsync(caseCode, Verb, who, ex.Message, cancellationToken).ConfigureAwait(false);
            return Card(await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false), ex.Message + " Nothing was recorded.");
        }

        var after = change.State;
        if (change.Appended.Count > 0)
        {
            LogCommented(caseCode, after.CurrentReportVersion!.Number);
            await threadCard.UpdateAsync(after, cancellationToken).ConfigureAwait(false);
        }

        var mine = after.ReportComments.LastOrDefault(c => c.ObjectId == who.AadObjectId && c.Version == version);
        return Card(after, mine is null ? null : $"Your comment was recorded on the case at {BritishDates.DateAndTime(mine.At)}. The thread shows only that you commented, and when.");
    }

    private CardActionResult Card(CaseState state, string? notice) =>
        state.CurrentReportVersion is null ? CardActionResult.Message(notice ?? "There is no report yet.") : CardActionResult.Card(ReportThreadCard.Create(views.View(state), notice));

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment recorded on the report for case {CaseCode}, version {Version}.")]
    private partial void LogCommented(string caseCode, int version);
}
