using System.Net.Mail;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>Reads lists of email addresses as people type them: separated by commas, semicolons or spaces.</summary>
public static class AgencyAddresses
{
    public static IReadOnlyList<string> Parse(string? text) =>
        [.. (text ?? string.Empty)
            .Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.Trim('<', '>').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The addresses that are not valid email addresses (empty when all are).</summary>
    public static IReadOnlyList<string> Invalid(IEnumerable<string> addresses) =>
        [.. addresses.Where(a => !MailAddress.TryCreate(a, out var parsed) || !string.Equals(parsed.Address, a, StringComparison.OrdinalIgnoreCase) || !a.Contains('.', StringComparison.Ordinal))];
}
