using System.Text.RegularExpressions;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Reads the Authentication-Results header (RFC 8601) that Exchange Online stamps on mail it
/// receives: whether SPF, DKIM or DMARC passed for the domain in the From address. The From header
/// itself is written by the sender, so it proves nothing alone. Only the topmost header counts: the
/// receiving server adds its own above any the sender wrote, so a forged one lies further down.
/// A method counts only for the From domain (or a parent of it: relaxed alignment, as DMARC uses):
/// dmarc=pass with header.from, dkim=pass with header.d, or spf=pass with smtp.mailfrom.
/// </summary>
public static partial class AuthenticationResults
{
    public const string HeaderName = "Authentication-Results";

    /// <summary>True when the header shows a pass for the domain of <paramref name="fromAddress"/>.</summary>
    public static bool PassesFor(string? header, string? fromAddress)
    {
        var at = fromAddress?.LastIndexOf('@') ?? -1;
        if (string.IsNullOrWhiteSpace(header) || at < 0)
        {
            return false;
        }

        var fromDomain = fromAddress![(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant();

        // Results are separated by ';'. RFC 8601 puts the authserv-id first; Exchange Online leaves it
        // out. Either way an item that is not "method=result" is not a result and is passed over.
        foreach (var result in header.Split(';'))
        {
            var method = MethodResult().Match(result);
            if (!method.Success || !method.Groups["result"].Value.Equals("pass", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var property = method.Groups["method"].Value.ToLowerInvariant() switch
            {
                "dmarc" => "header.from",
                "dkim" => "header.d",
                "spf" => "smtp.mailfrom",
                _ => null,
            };
            if (property is not null && PropertyValue(result, property) is { } domain && Aligned(fromDomain, domain))
            {
                return true;
            }
        }

        return false;
    }

    private static string? PropertyValue(string result, string property)
    {
        foreach (Match match in Property().Matches(result))
        {
            if (match.Groups["name"].Value.Equals(property, StringComparison.OrdinalIgnoreCase))
            {
                var value = match.Groups["value"].Value.Trim('"').ToLowerInvariant();
                var at = value.LastIndexOf('@');
                return at >= 0 ? value[(at + 1)..] : value;
            }
        }

        return null;
    }

    private static bool Aligned(string fromDomain, string authenticated) =>
        authenticated.Length > 0
        && (fromDomain == authenticated || fromDomain.EndsWith("." + authenticated, StringComparison.Ordinal))
        && authenticated.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(?<method>[a-z0-9-]+)\s*=\s*(?<result>[a-z]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MethodResult();

    [GeneratedRegex(@"(?<name>[a-z0-9-]+\.[a-z0-9.-]+)\s*=\s*(?<value>""[^""]*""|[^\s;()]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Property();
}
