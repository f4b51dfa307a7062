using Azure.Data.Tables;
using TeamsReviewBot.Cards;

namespace TeamsReviewBot.Storage.ConnectionCheck;

/// <summary>A connection check posted to one channel, and where its card is. Rows written by
/// earlier versions also hold the channel's connector address; it is not read: Teams is reached
/// through the channel's current reference.</summary>
public sealed record ConnectionCheckRecord(
    string CheckId, string ChannelId, string ChannelName, string? TeamName, DateTimeOffset PostedAt, string PostedBy, string? ThreadId, string? MessageId);

/// <summary>
/// Connection checks in the ConnectionChecks table: partition = check id, one "check" row and one
/// "ack|{person}" row per acknowledgement. An acknowledgement is an insert, so the same person
/// acknowledging twice (a retry, a second click, another instance) collides instead of counting twice.
/// </summary>
public sealed class ConnectionCheckStore(StorageTables tables, TimeProvider time)
{
    private const string CheckRow = "check";
    private const string AckPrefix = "ack|";

    public async Task SaveAsync(ConnectionCheckRecord check, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(check.CheckId, CheckRow)
        {
            ["ChannelId"] = check.ChannelId,
            ["ChannelName"] = check.ChannelName,
            ["TeamName"] = check.TeamName,
            ["PostedAt"] = check.PostedAt,
            ["PostedBy"] = check.PostedBy,
            ["ThreadId"] = check.ThreadId,
            ["MessageId"] = check.MessageId,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True if this records the person's acknowledgement, false if they had already given it.</summary>
    public async Task<bool> TryAcknowledgeAsync(string checkId, string personKey, string name, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        // The press's own token tells it from an earlier press when its answer was lost (see OwnWrites).
        var acknowledgement = new TableEntity(checkId, AckPrefix + IdempotencyStore.KeySafe(personKey))
        {
            ["Name"] = name,
            ["At"] = time.GetUtcNow(),
            ["Token"] = OwnWrites.NewToken(),
        };
        return (await OwnWrites.AddAsync(table, acknowledgement, "Token", cancellationToken).ConfigureAwait(false)).Ours;
    }

    /// <summary>The check and its acknowledgements in one partition query; null if unknown.</summary>
    public async Task<(ConnectionCheckRecord Check, IReadOnlyList<(string PersonKey, CheckAcknowledgement Ack)> Acks)?> LoadAsync(string checkId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        ConnectionCheckRecord? check = null;
        var acks = new List<(string, CheckAcknowledgement)>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == checkId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == CheckRow)
            {
                check = new ConnectionCheckRecord(
                    checkId, row.GetString("ChannelId"), row.GetString("ChannelName"), row.GetString("TeamName"), row.GetDateTimeOffset("PostedAt") ?? default, row.GetString("PostedBy"),
                    row.GetString("ThreadId"), row.GetString("MessageId"));
            }
            else if (row.RowKey.StartsWith(AckPrefix, StringComparison.Ordinal))
            {
                acks.Add((row.RowKey[AckPrefix.Length..], new CheckAcknowledgement(row.GetString("Name"), row.GetDateTimeOffset("At") ?? default)));
            }
        }

        return check is null ? null : (check, [.. acks.OrderBy(a => a.Item2.At)]);
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(tables.Names.ConnectionChecks, cancellationToken);
}
