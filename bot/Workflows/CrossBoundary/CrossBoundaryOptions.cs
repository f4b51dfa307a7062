namespace TeamsReviewBot.Workflows.CrossBoundary;

/// <summary>
/// Configuration section "Partnerships": the mailbox of each neighbouring partnership, by the local
/// authority name the referral form uses, e.g. Partnerships:Mailboxes:Tameside. A partnership not
/// listed is told by a business manager, whom the bot asks to do it.
/// </summary>
public sealed class CrossBoundaryOptions
{
    public const string SectionName = "Partnerships";

    public Dictionary<string, string> Mailboxes { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured mailbox of <paramref name="authority"/>'s partnership, or null.</summary>
    public string? MailboxOf(string authority) =>
        Mailboxes.FirstOrDefault(m => TeamsReviewBot.Process.Playbooks.CrossBoundaryRule.SameAuthority(m.Key, authority)).Value is { Length: > 0 } address
            ? address.Trim()
            : null;
}
