namespace TeamsReviewBot.Process.Cases;

/// <summary>The business manager's own records on a case: who holds the case's roles.</summary>
public static partial class CaseEventTypes
{
    public const string RoleAssigned = "RoleAssigned";
}

/// <summary>A business manager gave <paramref name="Role"/> (chair, author, lead-reviewer or independent-adviser) on the case to
/// the person with Entra object id <paramref name="AadObjectId"/>; <paramref name="Replaced"/> names who held it before.</summary>
public sealed record RoleAssigned(string Role, string AadObjectId, string Name, string? Replaced, Actor Actor, string Reason);
