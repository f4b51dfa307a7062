namespace TeamsReviewBot.Storage.Intake;

/// <summary>What a stored piece of intake work is about.</summary>
public enum MailWorkKind
{
    /// <summary>A message to read and act on (from a notification or a delta pass).</summary>
    Message,

    /// <summary>A lifecycle event for the subscription.</summary>
    Lifecycle,
}

/// <summary>
/// One stored piece of intake work. <paramref name="Target"/> is the message id for
/// <see cref="MailWorkKind.Message"/> and the lifecycle event for <see cref="MailWorkKind.Lifecycle"/>.
/// </summary>
public sealed record MailWorkItem(MailWorkKind Kind, string Target, string? SubscriptionId, string Source);

/// <summary>A work item this worker has leased, with what it needs to finish or give it back.</summary>
public sealed record ClaimedMailWork(string RowKey, MailWorkItem Item, int Attempt, Azure.ETag ETag);
