using System.Security.Cryptography;
using System.Text;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// A reply in a case's channel thread, once the case has a report, is a comment on the report's
/// current version (as "Comment" on the thread's card is): by a panel member (anyone the partnership
/// lists with a role), inside the playbook's comment window, recorded on the case with who and when.
/// The text may name the child, so it is sealed with the case's key (a "comment-…" record of the
/// case's details, erased with them) and never repeated in the channel or a log; the thread's card
/// is updated to show who commented and when, and how many comments there are. A reply from
/// someone not on the panel, or outside the window, is answered in a sentence and goes on the case's
/// audit trail. Teams' retry of the same message is recognised by its id and recorded once.
/// </summary>
public sealed partial class ReportThreadReplies(
    CaseService cases,
    CaseIndexStore index,
    PartnershipDirectory directory,
    ReportThreadViews views,
    SealedDetailsStore sealedDetails,
    CardRefusals refusals,
    ReportThreadCardUpdate threadCard,
    TimeProvider time,
    ILogger<ReportThreadReplies> logger) : IChannelThreadReplyHandler
{
    public const string Via = "thread-reply";

    public async Task<string?> HandleAsync(ChannelThreadReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (await CaseOfThreadAsync(reply.ThreadConversationId, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return null;
        }

        var caseCode = state.CaseCode;
        var version = state.CurrentReportVersion!.Number;
        var who = directory.Identify(reply.Sender.UserId, reply.Sender.AadObjectId, reply.Sender.TenantId, reply.Sender.Name);
        if (who.Roles.Count == 0)
        {
            await refusals.RefuseAsync(caseCode, ReportThreadCard.CommentVerb, who, $"{who.Describe()} is not on the panel and cannot comment on the report.", cancellationToken).ConfigureAwait(false);
            return $"Only members of the partnership's panel can comment on the report for {caseCode}, so your reply was not recorded as a comment. This attempt is recorded on the case's audit trail.";
        }

        var actor = CaseActors.From(who);
        var record = Record(reply);
        try
        {
            // Checked before the text is sealed, so a refused reply leaves nothing behind.
            _ = ReportCommentRules.Comment(state, views.Window(state), version, reply.Text, Via, actor, time.GetUtcNow(), record);
        }
        catch (CaseRuleException ex)
        {
            return await RefuseAsync(caseCode, who, ex.Message, cancellationToken).ConfigureAwait(false);
        }

        await sealedDetails.SealAsync(caseCode, record, reply.Text.Trim(), cancellationToken).ConfigureAwait(false);
        CaseChange change;
        try
        {
            change = await cases.DecideAsync(
                caseCode,
                (current, now) => ReportCommentRules.Comment(current, views.Window(current), version, reply.Text, Via, actor, now, record),
                cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            await sealedDetails.DeleteRecordAsync(caseCode, record, cancellationToken).ConfigureAwait(false);
            return await RefuseAsync(caseCode, who, ex.Message, cancellationToken).ConfigureAwait(false);
        }

        if (change.Appended.Count > 0)
        {
            LogCommented(caseCode, version);
            await threadCard.UpdateAsync(change.State, cancellationToken).ConfigureAwait(false);
        }

        // The card now lists "Comment from … at …": nothing more is said in the channel.
        return string.Empty;
    }

    private async Task<string> RefuseAsync(string caseCode, Caller who, string reason, CancellationToken cancellationToken)
    {
        await refusals.RefuseAsync(caseCode, ReportThreadCard.CommentVerb, who, reason, cancellationToken).ConfigureAwait(false);
        return reason + " Your reply was not recorded as a comment.";
    }

    /// <summary>The open case whose thread this is, when it has a report; null otherwise.</summary>
    private async Task<CaseState?> CaseOfThreadAsync(string threadConversationId, CancellationToken cancellationToken)
    {
        foreach (var entry in await index.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entry.Stage == nameof(CaseStage.Closed))
            {
                continue;
            }

            var state = await cases.FindAsync(entry.CaseCode, cancellationToken).ConfigureAwait(false);
            if (state?.Thread is { } thread && string.Equals(thread.ThreadId, threadConversationId, StringComparison.Ordinal))
            {
                return state.CurrentReportVersion is null ? null : state;
            }
        }

        return null;
    }

    /// <summary>The sealed record of the reply's text, keyed on Teams' message id (a retry is the same record).</summary>
    private static string Record(ChannelThreadReply reply)
    {
        var key = reply.ActivityId ?? $"{reply.Sender.UserId}|{reply.SentAt:O}|{reply.Text}";
        return "comment-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment (thread reply) recorded on the report for case {CaseCode}, version {Version}.")]
    private partial void LogCommented(string caseCode, int version);
}
