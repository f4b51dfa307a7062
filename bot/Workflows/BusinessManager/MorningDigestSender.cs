using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Digest;
using TeamsReviewBot.Storage.Digest;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>What one run of the digest did: whom it reached, whom it could not (and why), and how many
/// had theirs already (sent by another instance or an earlier firing).</summary>
public sealed record DigestRun(IReadOnlyList<string> Reached, IReadOnlyList<string> Missed, int AlreadySent);

/// <summary>
/// Sends each business manager their morning digest for a day, once: the ledger row is claimed before
/// the card goes, so two instances (or a timer firing twice) send one card per person per day. A send
/// that throws gives the claim back and rethrows, so the timer retries it.
/// </summary>
public sealed partial class MorningDigestSender(
    PartnershipDirectory directory,
    MorningDigestBuilder builder,
    MorningDigestLedger ledger,
    IPersonalChat chats,
    ILogger<MorningDigestSender> logger)
{
    public async Task<DigestRun> SendAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var managers = directory.WithRole(PartnershipRole.BusinessManager).DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase).ToList();
        MorningDigest? digest = null;
        var reached = new List<string>();
        var missed = new List<string>();
        var already = 0;
        foreach (var manager in managers)
        {
            var id = manager.AadObjectId!;
            if (!await ledger.TryClaimAsync(day, id, cancellationToken).ConfigureAwait(false))
            {
                already++;
                continue;
            }

            string? failure;
            try
            {
                digest ??= await builder.BuildAsync(now, cancellationToken).ConfigureAwait(false);
                failure = await chats.SendCardAsync(id, MorningDigestCard.Build(digest), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await ledger.ReleaseAsync(day, id, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            await ledger.RecordAsync(day, id, failure, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                reached.Add(manager.Name ?? id);
            }
            else
            {
                missed.Add($"{manager.Name ?? id}: {failure}");
                LogUnreachable(id, failure);
            }
        }

        LogSent(day, reached.Count, missed.Count, already);
        return new DigestRun(reached, missed, already);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The morning digest could not reach business manager {AadObjectId}: {Reason}")]
    private partial void LogUnreachable(string aadObjectId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Morning digest for {Day}: {Reached} sent, {Missed} unreachable, {Already} sent already.")]
    private partial void LogSent(DateOnly day, int reached, int missed, int already);
}
