using System.Text.RegularExpressions;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// Ties an incoming email to the information request it answers. Rules are tried in a fixed order,
/// most trustworthy first: In-Reply-To, References, the case code in the subject, conversationId,
/// then the sender against open requests. conversationId comes late because Exchange can share one
/// between unrelated messages with the same subject and gives a new one when a subject is edited.
/// A rule that finds more than one candidate does not guess: the next rule is tried, and a message
/// nothing places is reported unmatched (the caller sends it to the business managers).
/// </summary>
public static partial class ReplyMatcher
{
    // Addresses at these domains are personal mailboxes, so the domain says nothing about the agency.
    private static readonly HashSet<string> PublicDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk",
        "yahoo.com", "yahoo.co.uk", "icloud.com", "me.com", "aol.com", "btinternet.com", "sky.com", "protonmail.com",
    };

    public static ReplyMatch Match(IncomingMessage message, IReadOnlyList<RequestIdentity> requests)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(requests);

        if (ByMessageIds(MessageIds(message.InReplyTo), requests) is { } byInReplyTo)
        {
            return new ReplyMatch(byInReplyTo, MatchRule.InReplyTo, "In-Reply-To names our message");
        }

        if (ByMessageIds(MessageIds(message.References), requests) is { } byReferences)
        {
            return new ReplyMatch(byReferences, MatchRule.References, "References names our message");
        }

        var notes = new List<string>();
        foreach (var code in SubjectLine.CaseCodes(message.Subject))
        {
            var ofCase = requests.Where(r => string.Equals(r.CaseCode, code, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofCase.Count == 0)
            {
                notes.Add($"case code {code} has no requests");
                continue;
            }

            var bySender = BySender(message.FromAddress, ofCase) ?? (ofCase.Count == 1 ? ofCase[0] : null);
            if (bySender is not null)
            {
                return new ReplyMatch(bySender, MatchRule.CaseCodeInSubject, $"case code {code} in the subject");
            }

            notes.Add($"case code {code} is in the subject but the sender is not known at any of its agencies");
        }

        if (!string.IsNullOrEmpty(message.ConversationId))
        {
            var byConversation = requests
                .Where(r => r.Messages.Any(m => string.Equals(m.ConversationId, message.ConversationId, StringComparison.Ordinal)))
                .ToList();
            if (byConversation.Count == 1)
            {
                return new ReplyMatch(byConversation[0], MatchRule.ConversationId, "conversationId of our message");
            }

            if (byConversation.Count > 1)
            {
                notes.Add("its conversationId is shared by several requests");
            }
        }

        var open = requests.Where(r => r.IsOpen).ToList();
        var address = Normalise(message.FromAddress);
        if (address.Length > 0)
        {
            var byAddress = open.Where(r => r.Addresses.Any(a => Normalise(a) == address)).ToList();
            if (byAddress.Count == 1)
            {
                return new ReplyMatch(byAddress[0], MatchRule.SenderAddress, "sender is a lead or deputy of the one open request");
            }

            if (byAddress.Count > 1)
            {
                notes.Add($"the sender has {byAddress.Count} open requests");
            }
            else
            {
                var domain = Domain(address);
                var byDomain = PublicDomains.Contains(domain)
                    ? []
                    : open.Where(r => r.Addresses.Any(a => Domain(Normalise(a)) == domain)).ToList();
                if (byDomain.Count == 1)
                {
                    return new ReplyMatch(byDomain[0], MatchRule.SenderDomain, "sender's domain belongs to the one open request's agency");
                }

                if (byDomain.Count > 1)
                {
                    notes.Add($"the sender's domain has {byDomain.Count} open requests");
                }
            }
        }

        var why = notes.Count == 0 ? "no rule matched" : string.Join("; ", notes);
        return new ReplyMatch(null, null, why);
    }

    /// <summary>The message ids in an In-Reply-To or References header ("&lt;a@x&gt; &lt;b@y&gt;").</summary>
    public static IReadOnlyList<string> MessageIds(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        var bracketed = MessageId().Matches(header).Select(m => m.Value).ToList();
        return bracketed.Count > 0 ? bracketed : [header.Trim()];
    }

    private static RequestIdentity? ByMessageIds(IReadOnlyList<string> ids, IReadOnlyList<RequestIdentity> requests)
    {
        // The latest reference is the most specific (a reply to a chaser names the chaser last).
        for (var i = ids.Count - 1; i >= 0; i--)
        {
            var hit = requests.FirstOrDefault(r => r.Messages.Any(m => string.Equals(m.InternetMessageId, ids[i], StringComparison.OrdinalIgnoreCase)));
            if (hit is not null)
            {
                return hit;
            }
        }

        return null;
    }

    private static RequestIdentity? BySender(string? from, IReadOnlyList<RequestIdentity> candidates)
    {
        var address = Normalise(from);
        if (address.Length == 0)
        {
            return null;
        }

        var byAddress = candidates.Where(r => r.Addresses.Any(a => Normalise(a) == address)).ToList();
        if (byAddress.Count == 1)
        {
            return byAddress[0];
        }

        var domain = Domain(address);
        if (byAddress.Count > 1 || PublicDomains.Contains(domain))
        {
            return null;
        }

        var byDomain = candidates.Where(r => r.Addresses.Any(a => Domain(Normalise(a)) == domain)).ToList();
        return byDomain.Count == 1 ? byDomain[0] : null;
    }

    public static string Normalise(string? address) => (address ?? string.Empty).Trim().ToLowerInvariant();

    public static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? string.Empty : address[(at + 1)..];
    }

    [GeneratedRegex(@"<[^<>\s]+>", RegexOptions.CultureInvariant)]
    private static partial Regex MessageId();
}
