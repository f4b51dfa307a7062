namespace TeamsReviewBot.Process.Playbooks;

/// <summary>When a case's information requests leave once the business manager has chosen the agencies.</summary>
public enum RequestsGoOut
{
    /// <summary>At the start of the working day the playbook's send-by deadline falls on, or at once when that has passed
    /// (a procedure that names the day: Oldham's and Tameside's "Day 2").</summary>
    SendDay,

    /// <summary>As soon as the business manager sends them, whatever the day (West Midlands: "as early as possible to give
    /// agencies the maximum time", seed-003 L173).</summary>
    AtOnce,
}

/// <summary>The playbook's "informationRequests.sending": when the requests go out, citing the seed's own line on it.</summary>
public sealed record RequestSendingRule(RequestsGoOut When, string Source, string? Variant = null, string? Choice = null) : ICited;
