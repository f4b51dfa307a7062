namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>Sends a plain-text email from the partnership mailbox; returns the sent message's
/// internetMessageId (or Graph id) so replies can be matched later.</summary>
public interface IPartnershipMail
{
    /// <summary>False when the bot has no partnership mailbox to send from (Graph not configured).</summary>
    bool IsConnected { get; }

    /// <summary>Sends once per <paramref name="onceKey"/>: a repeat finds the message already sent.</summary>
    Task<string?> SendAsync(string fromMailbox, string recipient, string subject, string body, string onceKey, CancellationToken cancellationToken);
}
