namespace TeamsReviewBot.Storage;

/// <summary>The tables the bot owns. Table names must be alphanumeric, 3 to 63 characters.</summary>
public sealed class TableNames(string prefix)
{
    public string CaseEvents { get; } = prefix + "CaseEvents";
    public string CaseIndex { get; } = prefix + "CaseIndex";
    public string Timers { get; } = prefix + "Timers";
    public string Idempotency { get; } = prefix + "Idempotency";
    public string Counters { get; } = prefix + "Counters";
    public string Conversations { get; } = prefix + "Conversations";
    public string Audit { get; } = prefix + "Audit";
    public string ConnectionChecks { get; } = prefix + "ConnectionChecks";
    public string MailboxSync { get; } = prefix + "MailboxSync";
    public string MailNotifications { get; } = prefix + "MailNotifications";
    public string MailIntake { get; } = prefix + "MailIntake";
    public string MailForReview { get; } = prefix + "MailForReview";
    public string Agencies { get; } = prefix + "Agencies";
    public string RequestCases { get; } = prefix + "RequestCases";
    public string ReturnFiles { get; } = prefix + "ReturnFiles";

    /// <summary>The child's details, sealed (<see cref="SealedDetailsStore"/>).</summary>
    public string ChildDetails { get; } = prefix + "ChildDetails";

    /// <summary>Blob container for payloads too large for a table row: lower case, 3 to 63 characters.</summary>
    public string PayloadContainer { get; } = prefix.ToLowerInvariant() + "-payloads";

    /// <summary>Blob container for the files agencies return and the collated chronology.</summary>
    public string ReturnFileContainer { get; } = prefix.ToLowerInvariant() + "-returns";

    /// <summary>Blob container for the versions of each case's report, sealed with the case's key.</summary>
    public string ReportVersionContainer { get; } = prefix.ToLowerInvariant() + "-report-versions";

    public IEnumerable<string> All => [CaseEvents, CaseIndex, Timers, Idempotency, Counters, Conversations, Audit, ConnectionChecks, MailboxSync, MailNotifications, MailIntake, MailForReview, Agencies, RequestCases, ReturnFiles, ChildDetails];
}
