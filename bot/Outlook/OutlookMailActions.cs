using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Process.Streams;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Outlook;

/// <summary>One email as the task pane names it: its internetMessageId and its Graph item id.</summary>
public sealed record OutlookMailRef(string InternetMessageId, string ItemId);

/// <summary>The result of an action: what the pane now shows, and whether this was a repeat that changed nothing.</summary>
public sealed record OutlookActionResult(OutlookMailView Mail, bool Repeated);

/// <summary>An action that cannot be done, with the sentence the pane shows and the HTTP status.</summary>
public sealed class OutlookActionException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// What a business manager can do with an email from Outlook, each through the bot's own
/// workflows: open a case as intake would (same reader, same opener, same acknowledgement),
/// link it to a case, record it as an agency's return (the reply intake and request progress, so
/// the thread card updates), or mark it as not part of any case. The decision is stored first,
/// keyed by the email, and every step after it is idempotent: a repeat or a retry after a crash
/// finishes the same work and never does it twice. Each takes the email off the mail list.
/// </summary>
public sealed class OutlookMailActions(
    OutlookMailDecisions decisions,
    OutlookMailState states,
    MailboxReader reader,
    MailSender sender,
    IReferralCaseOpener opener,
    CaseService cases,
    ReplyIntake replies,
    RequestProgress progress,
    StorageTables tables,
    OutlookAudit audit,
    IOptions<IntakeOptions> intakeOptions,
    TimeProvider time)
{
    public const string MailLinkedEvent = "MailLinkedFromOutlook";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<OutlookActionResult> TakeAsync(string mailbox, OutlookMailRef mail, OutlookMailAction action, string? caseCode, string? agency, string? referralKind, Caller actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(actor);
        caseCode = string.IsNullOrWhiteSpace(caseCode) ? null : caseCode.Trim().ToUpperInvariant();
        agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
        var earlier = await decisions.FindAsync(mailbox, mail.InternetMessageId, cancellationToken).ConfigureAwait(false);
        if (earlier is not null && !earlier.Repeats(action, caseCode, agency))
        {
            throw new OutlookActionException(409, $"Nothing was changed: {earlier.Describe()} by {earlier.ByName}.");
        }

        if (earlier is null)
        {
            // What intake already did with it stands: an email it opened a case from cannot open another.
            var known = await states.ReadAsync(mailbox, mail.InternetMessageId, cancellationToken).ConfigureAwait(false);
            if (!known.Actions.Contains(OutlookMailState.ActionName(action)))
            {
                throw new OutlookActionException(409, "Nothing was changed: " + known.Summary);
            }
        }

        var inbound = await ReadAsync(mailbox, mail, action, cancellationToken).ConfigureAwait(false);
        var decision = earlier ?? await DecideAsync(action, caseCode, agency, inbound, actor, cancellationToken).ConfigureAwait(false);
        var standing = await decisions.ClaimAsync(mailbox, mail.InternetMessageId, decision, cancellationToken).ConfigureAwait(false);
        if (standing != decision)
        {
            throw new OutlookActionException(409, $"Nothing was changed: {standing.Describe()} by {standing.ByName}.");
        }

        await CarryOutAsync(mailbox, mail, standing, inbound, referralKind, cancellationToken).ConfigureAwait(false);
        await OffTheMailListAsync(mailbox, mail.InternetMessageId, cancellationToken).ConfigureAwait(false);
        if (earlier is null)
        {
            await audit.RecordAsync(actor, action, mail.InternetMessageId, standing.CaseCode, standing.Agency, cancellationToken).ConfigureAwait(false);
        }

        return new OutlookActionResult(OutlookMailState.FromDecision(standing), earlier is not null);
    }

    /// <summary>The email itself, from the partnership mailbox, when the action needs its content.</summary>
    private async Task<InboundMail?> ReadAsync(string mailbox, OutlookMailRef mail, OutlookMailAction action, CancellationToken cancellationToken)
    {
        if (action is OutlookMailAction.NotPart or OutlookMailAction.Link)
        {
            return null;
        }

        var inbound = await reader.GetAsync(mailbox, mail.ItemId, intakeOptions.Value.MaxAttachmentBytes, cancellationToken).ConfigureAwait(false);
        if (inbound is null || !string.Equals(inbound.InternetMessageId, mail.InternetMessageId, StringComparison.Ordinal))
        {
            throw new OutlookActionException(404, "This email is not in the partnership mailbox, so the bot cannot act on it. Open it from the partnership mailbox in Outlook.");
        }

        return action == OutlookMailAction.RecordReturn
            ? await reader.ReadUnreadAttachmentsAsync(mailbox, inbound, AttachmentPolicy.MaxBytes, cancellationToken).ConfigureAwait(false)
            : inbound;
    }

    private async Task<OutlookMailDecision> DecideAsync(OutlookMailAction action, string? caseCode, string? agency, InboundMail? inbound, Caller actor, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case OutlookMailAction.OpenCase:
                caseCode = await opener.ReserveCodeAsync(inbound!.ReceivedAt, cancellationToken).ConfigureAwait(false);
                agency = null;
                break;
            case OutlookMailAction.Link:
                await RequireCaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
                agency = null;
                break;
            case OutlookMailAction.RecordReturn:
                var book = (await RequireCaseAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
                var request = agency is null ? null : book.Find(agency);
                if (request is null)
                {
                    var asked = book.Requests.Count == 0 ? "no agency has been asked for information on it yet" : "the agencies asked are " + string.Join(", ", book.InOrder.Select(r => r.Agency.Name));
                    throw new OutlookActionException(400, $"Choose one of the agencies asked for information on {caseCode}: {asked}.");
                }

                agency = request.Agency.Name;
                break;
            default:
                caseCode = null;
                agency = null;
                break;
        }

        return new OutlookMailDecision(action, caseCode, agency, actor.AadObjectId ?? actor.TeamsUserId, actor.DisplayName, time.GetUtcNow());
    }

    private async Task<CaseState> RequireCaseAsync(string? caseCode, CancellationToken cancellationToken)
    {
        if (caseCode is null)
        {
            throw new OutlookActionException(400, "Say which case: type its code (for example RR-OLD-2026-001).");
        }

        return await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false)
            ?? throw new OutlookActionException(404, $"There is no case {caseCode}.");
    }

    private async Task CarryOutAsync(string mailbox, OutlookMailRef mail, OutlookMailDecision decision, InboundMail? inbound, string? referralKind, CancellationToken cancellationToken)
    {
        switch (decision.Action)
        {
            case OutlookMailAction.OpenCase:
                await OpenCaseAsync(mailbox, decision.CaseCode!, inbound!, referralKind, cancellationToken).ConfigureAwait(false);
                break;
            case OutlookMailAction.Link:
                await LinkAsync(mail, decision, cancellationToken).ConfigureAwait(false);
                break;
            case OutlookMailAction.RecordReturn:
                var match = new RequestReplyMatch(decision.CaseCode!, decision.Agency!, MatchRule.ChosenByPerson);
                await replies.RecordAsync(match, InformationRequestReplies.ToAgencyMail(inbound!), cancellationToken).ConfigureAwait(false);
                await progress.AfterReplyAsync(decision.CaseCode!, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>As intake opens a referral: read, opened under the reserved code, the referrer acknowledged once.</summary>
    private async Task OpenCaseAsync(string mailbox, string caseCode, InboundMail mail, string? referralKind, CancellationToken cancellationToken)
    {
        var read = ReferralMailReading.Read(mail, intakeOptions.Value);
        var kind = referralKind is TeamsReviewBot.Process.Cases.CaseRules.Referral or TeamsReviewBot.Process.Cases.CaseRules.SeriousIncidentNotification ? referralKind : read.ReferralKind;
        var intake = new ReferralIntake(mailbox, mail.InternetMessageId, mail.Id, mail.WebLink, mail.ReceivedAt, mail.FromAddress, read.Details, read.Refusals, kind);
        await opener.OpenAsync(caseCode, intake, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(mail.FromAddress) || await opener.WasAcknowledgedAsync(caseCode, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var sent = await sender.SendAsync(mailbox, Acknowledgement.For(caseCode, mail.FromAddress), Acknowledgement.OnceKey(caseCode), cancellationToken).ConfigureAwait(false);
        await opener.RecordAcknowledgementAsync(caseCode, sent.InternetMessageId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The case's stream records the link (the email's ids and who, never its content), once per email.</summary>
    private async Task LinkAsync(OutlookMailRef mail, OutlookMailDecision decision, CancellationToken cancellationToken)
    {
        var history = await cases.HistoryAsync(decision.CaseCode!, cancellationToken).ConfigureAwait(false);
        if (history.Any(e => e.Type == MailLinkedEvent && Names(e.Data, mail.InternetMessageId)))
        {
            return;
        }

        var data = JsonSerializer.Serialize(new { internetMessageId = mail.InternetMessageId, graphId = mail.ItemId, by = decision.ByName, byObjectId = decision.ByObjectId }, Json);
        await cases.ExecuteAsync(decision.CaseCode!, (_, _, now) => [new NewEvent(MailLinkedEvent, data, now)], cancellationToken).ConfigureAwait(false);
    }

    private static bool Names(string json, string internetMessageId)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("internetMessageId", out var id) && id.GetString() == internetMessageId;
    }

    private async Task OffTheMailListAsync(string mailbox, string internetMessageId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.MailForReview, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(MailboxSyncStore.Key(mailbox), IdempotencyStore.KeySafe(internetMessageId), Azure.ETag.All, cancellationToken).ConfigureAwait(false);
    }
}
