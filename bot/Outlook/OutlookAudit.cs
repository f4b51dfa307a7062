using Azure.Data.Tables;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Outlook;

/// <summary>
/// Records each action taken from the Outlook add-in in the Audit table beside the refusals: who,
/// which action, which case and agency. Ids and codes only; never a subject or a body.
/// </summary>
public sealed class OutlookAudit(StorageTables tables, TimeProvider time)
{
    public async Task RecordAsync(Caller actor, OutlookMailAction action, string internetMessageId, string? caseCode, string? agency, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var table = await tables.GetAsync(tables.Names.Audit, cancellationToken).ConfigureAwait(false);
        var record = new TableEntity(AuditRows.Day(now), AuditRows.NewKey(now))
        {
            ["Kind"] = "Outlook",
            ["Action"] = "outlook:" + action,
            ["ActorAadObjectId"] = actor.AadObjectId,
            ["ActorName"] = actor.DisplayName,
            ["ActorTenantId"] = actor.TenantId,
            ["InternetMessageId"] = internetMessageId,
            ["CaseCode"] = caseCode,
            ["Agency"] = agency,
            ["At"] = now,
        };
        await AuditRows.AddAsync(table, record, cancellationToken).ConfigureAwait(false);
    }
}
