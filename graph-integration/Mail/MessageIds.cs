using System.Security.Cryptography;
using System.Text;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>
/// The internetMessageId a message is sent with, made from what it is for (e.g. "acknowledgement:
/// RR-OLD-2026-0001") so that every attempt to send it carries the same id. RFC 5322 §3.6.4's shape,
/// &lt;left@right&gt;, with the partnership mailbox's domain on the right; the left is a digest, so
/// the id names no case and no person.
/// </summary>
public static class MessageIds
{
    public static string For(string mailbox, string onceKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(mailbox.ToUpperInvariant() + "\n" + onceKey));
        var at = mailbox.LastIndexOf('@');
        var domain = at >= 0 && at < mailbox.Length - 1 ? mailbox[(at + 1)..].ToLowerInvariant() : "teamsreviewbot.invalid";
        return $"<rr.{Convert.ToHexStringLower(digest, 0, 20)}@{domain}>";
    }
}
