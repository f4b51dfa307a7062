using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.Auth;

namespace TeamsReviewBot.Teams.Conversations;

/// <summary>
/// Conversation references in the Conversations table: partition = kind, row = the channel id,
/// the user's Entra object id (personal) or the chat id. Upserted whenever Teams tells the bot
/// about a conversation, so the service URL stays current. A reference whose service URL is not the
/// Bot Connector's is never stored: the bot would later post there with its own token.
/// </summary>
public sealed class ConversationReferenceStore(StorageTables tables, TimeProvider time, ServiceUrlPolicy serviceUrls)
{
    // A message refreshes its reference at most this often per instance, so chat traffic does not
    // cost a table write per message; the bound also restores a row another instance removed.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    // A reference found in the table is used again for this long without reading it (a case opened
    // or a card posted looks up the same channel and people each time); a message's refresh or a
    // removal through this instance replaces or drops it at once.
    private static readonly TimeSpan ReadReuse = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(ConversationKind, string), (ConversationReference Reference, DateTimeOffset SavedAt)> _recent = new();

    private readonly ConcurrentDictionary<(ConversationKind, string), (ConversationReference Reference, DateTimeOffset ReadAt)> _read = new();

    // A person's Teams id (29:…) for a card's refresh list, or that they have no chat with the bot,
    // kept longer than a reference: the id never changes for this bot, and a chat opened or removed
    // through another instance meanwhile only means the refresh list is left out (Teams then
    // refreshes for every member of the channel) or names someone who no longer chats with the bot.
    private static readonly TimeSpan TeamsIdReuse = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (string? TeamsId, DateTimeOffset ReadAt)> _teamsIds = new(StringComparer.Ordinal);

    /// <summary>Saves the reference a message carries unless this instance saved the same one recently.</summary>
    public Task RefreshAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var key = (reference.Kind, RowKeyOf(reference));
        return _recent.TryGetValue(key, out var recent) && recent.Reference == reference && time.GetUtcNow() - recent.SavedAt < RefreshInterval
            ? Task.CompletedTask
            : SaveAsync(reference, cancellationToken);
    }

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (!serviceUrls.IsAllowed(reference.ServiceUrl))
        {
            throw new UntrustedServiceUrlException(reference.ServiceUrl);
        }

        var table = await tables.GetAsync(tables.Names.Conversations, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(reference.Kind.ToString(), RowKeyOf(reference))
        {
            ["ServiceUrl"] = reference.ServiceUrl,
            ["ConversationId"] = reference.ConversationId,
            ["TenantId"] = reference.TenantId,
            ["BotId"] = reference.BotId,
            ["BotName"] = reference.BotName,
            ["TeamId"] = reference.TeamId,
            ["TeamName"] = reference.TeamName,
            ["ChannelName"] = reference.ChannelName,
            ["UserId"] = reference.UserId,
            ["UserAadObjectId"] = reference.UserAadObjectId,
            ["UserName"] = reference.UserName,
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        _read.TryRemove((reference.Kind, RowKeyOf(reference)), out _);
        _teamsIds.TryRemove(RowKeyOf(reference), out _);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        _recent[(reference.Kind, RowKeyOf(reference))] = (reference, time.GetUtcNow());
    }

    public async Task RemoveAsync(ConversationKind kind, string rowId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Conversations, cancellationToken).ConfigureAwait(false);
        try
        {
            _recent.TryRemove((kind, KeySafe(rowId)), out _);
            _read.TryRemove((kind, KeySafe(rowId)), out _);
            _teamsIds.TryRemove(KeySafe(rowId), out _);
            await table.DeleteEntityAsync(kind.ToString(), KeySafe(rowId), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: removal is idempotent.
        }
    }

    public async Task<IReadOnlyList<ConversationReference>> ListAsync(ConversationKind kind, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Conversations, cancellationToken).ConfigureAwait(false);
        var found = new List<ConversationReference>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == kind.ToString(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(FromEntity(kind, entity));
        }

        return found;
    }

    /// <summary>The personal chat with the person whose Entra object id this is, if the bot has one.</summary>
    public Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken) =>
        FindAsync(ConversationKind.Personal, aadObjectId, cancellationToken);

    /// <summary>
    /// The Teams id of the person whose Entra object id this is, from their personal chat with the
    /// bot, or null when they have none; looked up at most every few minutes per person (a panel
    /// card's refresh list names the same people after every vote).
    /// </summary>
    public async Task<string?> TeamsUserIdAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var key = KeySafe(aadObjectId);
        var now = time.GetUtcNow();
        if (_teamsIds.TryGetValue(key, out var known) && now - known.ReadAt < TeamsIdReuse && now >= known.ReadAt)
        {
            return known.TeamsId;
        }

        var teamsId = (await FindAsync(ConversationKind.Personal, aadObjectId, cancellationToken).ConfigureAwait(false))?.UserId;
        _teamsIds[key] = (teamsId, now);
        return teamsId;
    }

    public Task<ConversationReference?> FindChannelAsync(string channelId, CancellationToken cancellationToken) =>
        FindAsync(ConversationKind.Channel, channelId, cancellationToken);

    private async Task<ConversationReference?> FindAsync(ConversationKind kind, string id, CancellationToken cancellationToken)
    {
        var key = (kind, KeySafe(id));
        if (_read.TryGetValue(key, out var read) && time.GetUtcNow() - read.ReadAt < ReadReuse && time.GetUtcNow() >= read.ReadAt)
        {
            return read.Reference;
        }

        var table = await tables.GetAsync(tables.Names.Conversations, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(kind.ToString(), key.Item2, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is null)
        {
            _read.TryRemove(key, out _);
            return null;
        }

        var found = FromEntity(kind, row.Value);
        _read[key] = (found, time.GetUtcNow());
        return found;
    }

    internal static string RowKeyOf(ConversationReference reference) => KeySafe(reference.Kind switch
    {
        ConversationKind.Personal => reference.UserAadObjectId ?? reference.UserId ?? reference.ConversationId,
        _ => reference.ConversationId,
    });

    private static string KeySafe(string id) => IdempotencyStore.KeySafe(id);

    private static ConversationReference FromEntity(ConversationKind kind, TableEntity e) => new(
        kind,
        e.GetString("ServiceUrl"),
        e.GetString("ConversationId"),
        e.GetString("TenantId"),
        e.GetString("BotId"),
        e.GetString("BotName"),
        e.GetString("TeamId"),
        e.GetString("TeamName"),
        e.GetString("ChannelName"),
        e.GetString("UserId"),
        e.GetString("UserAadObjectId"),
        e.GetString("UserName"));
}
