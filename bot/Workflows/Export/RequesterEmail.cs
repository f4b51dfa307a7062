using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Workflows.Export;

/// <summary>The work address the partnership lists for the person who asked: files go there and nowhere else.</summary>
public static class RequesterEmail
{
    public static string? Of(PartnershipDirectory directory, string? aadObjectId) => aadObjectId is null
        ? null
        : Enum.GetValues<PartnershipRole>().SelectMany(directory.WithRole)
            .Where(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Email?.Trim())
            .FirstOrDefault(e => !string.IsNullOrEmpty(e));
}
