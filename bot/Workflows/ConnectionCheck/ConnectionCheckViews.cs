using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.ConnectionCheck;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.ConnectionCheck;

/// <summary>Builds the shared card and each person's view of a connection check from what is stored.</summary>
public sealed class ConnectionCheckViews(PartnershipDirectory directory, ITeamsOutbound teams)
{
    /// <summary>The business managers' Teams ids (from their personal chats with the bot) who have
    /// not acknowledged yet: Teams fetches a personal view for them.</summary>
    public async Task<IReadOnlyList<string>> PendingManagersAsync(IEnumerable<string> acknowledgedKeys, CancellationToken cancellationToken)
    {
        var acknowledged = acknowledgedKeys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = new List<string>();
        foreach (var manager in directory.WithRole(PartnershipRole.BusinessManager))
        {
            if (acknowledged.Contains(IdempotencyStore.KeySafe(manager.AadObjectId!)))
            {
                continue;
            }

            if (await teams.TeamsUserIdOfAsync(manager.AadObjectId!, cancellationToken).ConfigureAwait(false) is { } userId)
            {
                ids.Add(userId);
            }
        }

        return ids;
    }

    public async Task<JsonObject> SharedAsync(ConnectionCheckRecord check, IReadOnlyList<(string PersonKey, CheckAcknowledgement Ack)> acks, CancellationToken cancellationToken) =>
        ConnectionCheckCard.Build(Base(check, acks, await PendingManagersAsync(acks.Select(a => a.PersonKey), cancellationToken).ConfigureAwait(false)));

    public async Task<JsonObject> PersonalAsync(ConnectionCheckRecord check, IReadOnlyList<(string PersonKey, CheckAcknowledgement Ack)> acks, Caller viewer, CancellationToken cancellationToken)
    {
        var pending = await PendingManagersAsync(acks.Select(a => a.PersonKey), cancellationToken).ConfigureAwait(false);
        var mine = acks.Where(a => a.PersonKey == PersonKey(viewer)).Select(a => (DateTimeOffset?)a.Ack.At).FirstOrDefault();
        return ConnectionCheckCard.Build(Base(check, acks, pending) with
        {
            IsPersonalView = true,
            ViewerMayAcknowledge = viewer.Holds(PartnershipRole.BusinessManager),
            ViewerAcknowledgedAt = mine,
        });
    }

    /// <summary>The key an acknowledgement is stored under: the Entra object id, else the Teams id.</summary>
    public static string PersonKey(Caller actor) => IdempotencyStore.KeySafe(actor.AadObjectId ?? actor.TeamsUserId);

    private static ConnectionCheckView Base(ConnectionCheckRecord check, IReadOnlyList<(string PersonKey, CheckAcknowledgement Ack)> acks, IReadOnlyList<string> pending) =>
        new(check.CheckId, check.ChannelName, check.TeamName, check.PostedAt, check.PostedBy, [.. acks.Select(a => a.Ack)], pending);
}
