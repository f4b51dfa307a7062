using System.Text.RegularExpressions;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// Ties an incoming email to the information request it answers. Rules are tried in a fixed order,
/// most trustworthy first: In-Reply-To, References, the case code in the subject, conversationId,
/// then the sender against open requests. conversationId comes late because Exchange can share one
/// between unrelated messages with the same subject and gives a new one when a subject is edited.
/// A rule that finds more than one candidate does not guess: the next rule is tried, and a message
/// nothing places is reported unmatched (the caller sends it to the business managers).
/// Threading headers, subjects and conversationIds are written by whoever sends the mail, so no rule
/// places a message whose sender may not speak for the agency: one of its leads or deputies, or an
/// address at a domain the directory names for it. A message that threads onto a request but comes
/// from anyone else is refused for that request, so a person sees it.
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
            return Threaded(message, byInReplyTo, MatchRule.InReplyTo, "In-Reply-To names our message");
        }

        if (ByMessageIds(MessageIds(message.References), requests) is { } byReferences)
        {
            return Threaded(message, byReferences, MatchRule.References, "References names our message");
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

            if (BySender(message.FromAddress, ofCase) is { } bySender)
            {
                return new ReplyMatch(bySender, MatchRule.CaseCodeInSubject, $"case code {code} in the subject");
            }

            notes.Add($"case code {code} is in the subject but the sender does not answer for any of its agencies");
        }

        if (!string.IsNullOrEmpty(message.ConversationId))
        {
            var byConversation = requests
                .Where(r => r.Messages.Any(m => string.Equals(m.ConversationId, message.ConversationId, StringComparison.Ordinal)))
                .ToList();
            if (byConversation.Count == 1)
            {
                return Threaded(message, byConversation[0], MatchRule.ConversationId, "conversationId of our message");
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
            var byAddress = open.Where(r => IsLeadOrDeputy(r, address)).ToList();
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
                var byDomain = open.Where(r => IsAtReplyDomain(r, address)).ToList();
                if (byDomain.Count == 1)
                {
                    return new ReplyMatch(byDomain[0], MatchRule.SenderDomain, "sender's domain is one the directory accepts for the one open request's agency");
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

    /// <summary>True when <paramref name="from"/> may answer for the request's agency.</summary>
    public static bool MaySpeakFor(RequestIdentity request, string? from)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = Normalise(from);
        return address.Length > 0 && (IsLeadOrDeputy(request, address) || IsAtReplyDomain(request, address));
    }

    private static ReplyMatch Threaded(IncomingMessage message, RequestIdentity request, MatchRule rule, string why) =>
        MaySpeakFor(request, message.FromAddress)
            ? new ReplyMatch(request, rule, why)
            : new ReplyMatch(null, null, $"{why} (the request to {request.Agency} on {request.CaseCode}), but the sender is not one of the agency's leads or deputies", request);

    private static bool IsLeadOrDeputy(RequestIdentity request, string address) =>
        request.Addresses.Any(a => Normalise(a) == address);

    // A domain counts only where the directory names it for the agency, and never a public mail service.
    private static bool IsAtReplyDomain(RequestIdentity request, string address)
    {
        var domain = Domain(address);
        return domain.Length > 0
            && !PublicDomains.Contains(domain)
            && (request.ReplyDomains ?? []).Any(d => string.Equals(Normalise(d).TrimStart('@'), domain, StringComparison.Ordinal));
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

        var byAddress = candidates.Where(r => IsLeadOrDeputy(r, address)).ToList();
        if (byAddress.Count > 0)
        {
            return byAddress.Count == 1 ? byAddress[0] : null;
        }

        var byDomain = candidates.Where(r => IsAtReplyDomain(r, address)).ToList();
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
