namespace TeamsReviewBot.Process.Playbooks;

/// <summary>Which partnership a seed says leads a case whose child lives in one local authority and
/// was harmed in another.</summary>
public enum CrossBoundaryLead
{
    /// <summary>The partnership where the child ordinarily resides.</summary>
    Residence,

    /// <summary>The partnership where the incident occurred.</summary>
    Incident,

    /// <summary>The seed is silent: the business managers choose, with no default proposed.</summary>
    Choice,
}

/// <summary>
/// Cross-boundary referrals: the local authorities this partnership covers (as the referral form
/// names them) and which partnership leads when the child's home authority and the incident's
/// differ. Where the seed is silent the lead is <see cref="CrossBoundaryLead.Choice"/> and
/// <see cref="Choice"/> says so.
/// </summary>
public sealed record CrossBoundaryRule(IReadOnlyList<string> LocalAuthorities, CrossBoundaryLead Lead, string Source, string? Variant = null, string? Choice = null) : ICited
{
    /// <summary>Whether the named authority is one this partnership covers (case and spacing ignored).</summary>
    public bool Covers(string? authority) => authority is not null && LocalAuthorities.Any(a => SameAuthority(a, authority));

    public static bool SameAuthority(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
