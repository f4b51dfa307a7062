namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// Who did something on a case: their Entra object id and name, their role in the process
/// (<see cref="Roles"/>), and the partner organisation or seat they act for.
/// </summary>
public sealed record Actor(string ObjectId, string Name, string Role, string? Partner)
{
    /// <summary>The service itself, for what the clock does (reminders, escalations).</summary>
    public static Actor System { get; } = new("system", "TeamsReviewBot", Roles.System, null);

    public bool IsBusinessManager => Role == Roles.BusinessManager;
}

public static class Roles
{
    public const string BusinessManager = "business-manager";
    public const string PanelMember = "panel-member";
    public const string Deputy = "deputy";
    public const string Chair = "chair";
    public const string System = "system";
}
