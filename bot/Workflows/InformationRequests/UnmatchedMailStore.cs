using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>A reply no rule could place: kept for the business managers with why, never dropped.</summary>
public sealed record UnmatchedMail(string InternetMessageId, string GraphId, string? FromAddress, string Subject, DateTimeOffset ReceivedAt, string Why);

/// <summary>Unmatched replies, one row each (keyed by internetMessageId, so a redelivery is kept once).</summary>
public sealed class UnmatchedMailStore(StorageTables tables)
{
    private const string Partition = "unmatched";

    /// <summary>True when this is the first time the message is kept.</summary>
    public async Task<bool> KeepAsync(UnmatchedMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var table = await tables.GetAsync(tables.Names.UnmatchedMail, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(Partition, Key(mail.InternetMessageId))
                {
                    ["InternetMessageId"] = mail.InternetMessageId,
                    ["GraphId"] = mail.GraphId,
                    ["FromAddress"] = mail.FromAddress,
                    ["Subject"] = mail.Subject,
                    ["ReceivedAt"] = mail.ReceivedAt,
                    ["Why"] = mail.Why,
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<UnmatchedMail>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.UnmatchedMail, cancellationToken).ConfigureAwait(false);
        var list = new List<UnmatchedMail>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new UnmatchedMail(
                row.GetString("InternetMessageId") ?? row.RowKey,
                row.GetString("GraphId") ?? string.Empty,
                row.GetString("FromAddress"),
                row.GetString("Subject") ?? string.Empty,
                row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
                row.GetString("Why") ?? string.Empty));
        }

        return list;
    }

    private static string Key(string internetMessageId) =>
        new([.. internetMessageId.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c)]);
}
