using Azure.Data.Tables;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Records what someone tried and was refused for want of a role (a card button, a command):
/// who, what, where, why, in the Audit table, one partition per UTC day, newest first. Ids, verbs
/// and command names only, never card data or arguments, so no child's details can land here.
/// Refusals that concern a case are also recorded on the case's own stream by the workflow.
/// </summary>
public sealed partial class RefusalAudit(StorageTables tables, TimeProvider time, ILogger<RefusalAudit> logger)
{
    /// <param name="action">"card:{verb}" or "command:{name}".</param>
    public async Task RecordAsync(string action, Caller actor, string? conversationId, string? messageId, string reason, CancellationToken cancellationToken)
    {
        LogRefused(logger, action, actor.AadObjectId ?? actor.TeamsUserId, reason);
        var now = time.GetUtcNow();
        var table = await tables.GetAsync(tables.Names.Audit, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(AuditRows.Day(now), AuditRows.NewKey(now))
        {
            ["Kind"] = "Refused",
            ["Action"] = action,
            ["ActorAadObjectId"] = actor.AadObjectId,
            ["ActorTeamsId"] = actor.TeamsUserId,
            ["ActorName"] = actor.DisplayName,
            ["ActorTenantId"] = actor.TenantId,
            ["ConversationId"] = conversationId,
            ["MessageId"] = messageId,
            ["Reason"] = reason,
            ["At"] = now,
        };
        await AuditRows.AddAsync(table, entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TableEntity>> ListAsync(DateTimeOffset day, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Audit, cancellationToken).ConfigureAwait(false);
        var partition = AuditRows.Day(day);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>"Bob Builder (statutory partner lead, police) does not hold: business manager".</summary>
    public static string LacksRole(Caller actor, IEnumerable<PartnershipRole> needed) =>
        $"{actor.Describe()} does not hold any of: {string.Join(", ", needed.Select(RoleNames.Describe))}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Action} by {Actor}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string action, string actor, string reason);
}
