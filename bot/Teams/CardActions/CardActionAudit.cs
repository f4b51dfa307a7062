using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Teams.CardActions;

/// <summary>
/// Records card actions that were refused (who, which verb, where, why) in the Audit table: one
/// partition per UTC day, newest first. Ids and verbs only, never card data, so no child's
/// details can land here.
/// </summary>
public sealed partial class CardActionAudit(StorageTables tables, TimeProvider time, ILogger<CardActionAudit> logger)
{
    public async Task RecordRefusalAsync(CardAction action, string reason, CancellationToken cancellationToken)
    {
        LogRefused(logger, action.Verb, action.Actor.AadObjectId ?? action.Actor.TeamsUserId, reason);
        var now = time.GetUtcNow();
        var table = await tables.GetAsync(tables.Names.Audit, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{DateTimeOffset.MaxValue.Ticks - now.Ticks:D19}-{Guid.NewGuid():N}")
        {
            ["Kind"] = "CardActionRefused",
            ["Verb"] = action.Verb,
            ["ActorAadObjectId"] = action.Actor.AadObjectId,
            ["ActorTeamsId"] = action.Actor.TeamsUserId,
            ["ActorName"] = action.Actor.DisplayName,
            ["ActorTenantId"] = action.Actor.TenantId,
            ["ConversationId"] = action.Source.ConversationId,
            ["CardMessageId"] = action.Source.CardMessageId,
            ["Reason"] = reason,
            ["At"] = now,
        };
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TableEntity>> ListAsync(DateTimeOffset day, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Audit, cancellationToken).ConfigureAwait(false);
        var partition = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused card action {Verb} by {Actor}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string verb, string actor, string reason);
}
