namespace TeamsReviewBot.Process.BusinessManager;

/// <summary>
/// The roles a business manager assigns on a case, as the seeds name them: the Rapid Review's chair and
/// author, appointed by the Virtual Panel (seed-000 §1.2 "Chair/Author of the Rapid Review"); the lead
/// reviewer of a fuller review, appointed within 10 working days (seed-002 L380); and the independent
/// adviser, a member of Salford's virtual panel (seed-002 L441).
/// </summary>
public static class CaseRoles
{
    public const string Chair = "chair";
    public const string Author = "author";
    public const string LeadReviewer = "lead-reviewer";
    public const string IndependentAdviser = "independent-adviser";

    public static IReadOnlyList<string> All { get; } = [Chair, Author, LeadReviewer, IndependentAdviser];

    public static string Describe(string role) => role switch
    {
        Chair => "chair",
        Author => "author",
        LeadReviewer => "lead reviewer",
        IndependentAdviser => "independent adviser",
        _ => role,
    };

    /// <summary>Reads a role at the start of <paramref name="text"/> ("lead reviewer Ann Lee" or
    /// "lead-reviewer Ann Lee"); returns the role and what follows it.</summary>
    public static (string Role, string Remainder)? ReadLeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var role in All)
        {
            foreach (var spelling in new[] { role, Describe(role) })
            {
                if (trimmed.StartsWith(spelling, StringComparison.OrdinalIgnoreCase)
                    && (trimmed.Length == spelling.Length || trimmed[spelling.Length] == ' '))
                {
                    return (role, trimmed[spelling.Length..].Trim());
                }
            }
        }

        return null;
    }
}
