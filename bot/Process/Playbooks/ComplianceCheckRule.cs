namespace TeamsReviewBot.Process.Playbooks;

/// <summary>
/// A check the report must pass before it counts as signed off, beside the partners' sign-off: the
/// person in <paramref name="Seat"/> confirms <paramref name="Confirms"/> on the report's current
/// version (e.g. Gloucestershire: "Business Manager ensures report meets WT2018 requirements",
/// seed-004 L133). <paramref name="Name"/> is how it is shown.
/// </summary>
public sealed record ComplianceCheckRule(
    string Seat,
    string Name,
    string Confirms,
    string Source,
    string? Variant = null,
    string? Choice = null) : ICited;
