using TeamsReviewBot.Storage.InformationRequests;
using Azure.Data.Tables;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Outlook;

/// <summary>
/// What the bot knows about one email, for the task pane: <paramref name="State"/> is one of
/// "case" (matched to or opened as <paramref name="CaseCode"/>), "return" (counted as
/// <paramref name="Agency"/>'s return), "waiting" (in the mail list for a person, with
/// <paramref name="Reason"/>), "not-part", "handled" (intake dealt with it otherwise), "reading"
/// (intake is taking it in now) or "not-seen"; <paramref name="Actions"/> are the actions that fit.
/// </summary>
public sealed record OutlookMailView(string State, string Summary, string? CaseCode, string? Agency, string? Reason, IReadOnlyList<string> Actions);

/// <summary>
/// Reads the bot's own records about an email: a decision made in Outlook, a reply recorded on an
/// information request, intake's ledger (a case opened from it, or what intake did) and the mail
/// list. Returns summaries in codes, agencies and reasons only, never the email's content.
/// </summary>
public sealed class OutlookMailState(
    OutlookMailDecisions decisions,
    StorageTables tables,
    MailForReviewStore review,
    RequestCaseIndex requestCases,
    CaseService cases)
{
    private static readonly string[] AllActions = [.. Enum.GetValues<OutlookMailAction>().Select(ActionName)];

    /// <summary>The action's name as the pane and the API spell it: openCase, link, recordReturn, notPart.</summary>
    public static string ActionName(OutlookMailAction action) => char.ToLowerInvariant(action.ToString()[0]) + action.ToString()[1..];

    public async Task<OutlookMailView> ReadAsync(string mailbox, string internetMessageId, CancellationToken cancellationToken)
    {
        if (await decisions.FindAsync(mailbox, internetMessageId, cancellationToken).ConfigureAwait(false) is { } decision)
        {
            return FromDecision(decision);
        }

        if (await FindReturnAsync(internetMessageId, cancellationToken).ConfigureAwait(false) is { } returned)
        {
            return new OutlookMailView("return", $"Counted as {returned.Agency}'s return for case {returned.CaseCode}.", returned.CaseCode, returned.Agency, null, []);
        }

        var ledger = await LedgerRowAsync(mailbox, internetMessageId, cancellationToken).ConfigureAwait(false);
        if (ledger?.GetString("CaseCode") is { } code && ledger.GetString("Status") is nameof(IntakeStatus.CaseOpened) or nameof(IntakeStatus.Done))
        {
            return new OutlookMailView("case", $"Case {code} was opened from this email.", code, null, null, []);
        }

        var waiting = (await review.ListAsync(mailbox, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(m => string.Equals(m.InternetMessageId, internetMessageId, StringComparison.Ordinal));
        if (waiting is not null)
        {
            return new OutlookMailView("waiting", "Waiting for a business manager in the mail list.", waiting.CaseCode, null, waiting.Reason, AllActions);
        }

        return ledger?.GetString("Status") switch
        {
            nameof(IntakeStatus.Done) => new OutlookMailView("handled", "The bot has read this email: " + (ledger.GetString("Outcome") ?? "no action was needed") + ".", null, null, null, AllActions),
            { } => new OutlookMailView("reading", "The bot is reading this email now. Look again in a minute.", null, null, null, []),
            null => new OutlookMailView("not-seen", "The bot has not seen this email: it is not in the partnership mailbox's records.", null, null, null, AllActions),
        };
    }

    public static OutlookMailView FromDecision(OutlookMailDecision decision) => decision.Action switch
    {
        OutlookMailAction.OpenCase => new("case", $"Case {decision.CaseCode} was opened from this email by {decision.ByName}.", decision.CaseCode, null, null, []),
        OutlookMailAction.Link => new("case", $"Linked to case {decision.CaseCode} by {decision.ByName}.", decision.CaseCode, null, null, []),
        OutlookMailAction.RecordReturn => new("return", $"Counted as {decision.Agency}'s return for case {decision.CaseCode} (recorded by {decision.ByName}).", decision.CaseCode, decision.Agency, null, []),
        _ => new("not-part", $"Marked as not part of any case by {decision.ByName}.", null, null, null, []),
    };

    /// <summary>The agency whose recorded reply this email is, on any case with requests open.</summary>
    private async Task<(string CaseCode, string Agency)?> FindReturnAsync(string internetMessageId, CancellationToken cancellationToken)
    {
        foreach (var code in await requestCases.OpenCasesAsync(cancellationToken).ConfigureAwait(false))
        {
            var book = (await cases.LoadAsync(code, cancellationToken).ConfigureAwait(false)).Requests;
            if (!book.SeenReplies.Contains(internetMessageId))
            {
                continue;
            }

            var agency = book.Requests.Values.FirstOrDefault(r => r.Replies.Any(x => string.Equals(x.InternetMessageId, internetMessageId, StringComparison.OrdinalIgnoreCase)));
            return (code, agency?.Agency.Name ?? "an agency");
        }

        return null;
    }

    private async Task<TableEntity?> LedgerRowAsync(string mailbox, string internetMessageId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.MailIntake, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(MailboxSyncStore.Key(mailbox), IdempotencyStore.KeySafe(internetMessageId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }
}
