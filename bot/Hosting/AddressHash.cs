using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsReviewBot.Hosting;

/// <summary>
/// Email addresses in warning and error logs are written as a short hash ("mail:1a2b3c4d5e6f"):
/// logs go to places a child's family or a referrer's address should not, yet an operator who
/// knows an address can still find its lines by hashing it the same way.
/// </summary>
public static partial class AddressHash
{
    public static string Of(string address) =>
        "mail:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())))[..12];

    /// <summary><paramref name="text"/> with every email address in it replaced by its hash.</summary>
    public static string Redact(string? text) => Address().Replace(text ?? string.Empty, m => Of(m.Value));

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
