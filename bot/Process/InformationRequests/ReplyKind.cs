using System.Text.RegularExpressions;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>What an agency's reply amounts to.</summary>
public enum ReplyKind
{
    /// <summary>An automatic reply (out of office and the like): never counted as a return.</summary>
    Automatic,

    /// <summary>The agency says it holds no records of the child or family: closes the request as such.</summary>
    NoRecordsHeld,

    /// <summary>The agency's information (usually the completed template attached).</summary>
    Return,

    /// <summary>A message about the request that returns nothing yet (a question, a promise, a holding reply).</summary>
    Correspondence,
}

/// <summary>
/// Decides what a reply is from its headers, subject, body and whether it carries an accepted
/// attachment. Automatic replies are recognised by RFC 3834's Auto-Submitted header (any value
/// but "no"), the X-Autoreply/X-Autorespond headers some servers add instead, and failing those
/// the subject prefixes Outlook and Exchange write ("Automatic reply:", "Out of Office:"), since
/// Exchange does not always set a header. A "no records" reply is one that says so in words and
/// carries no return document: an attached template always counts as a return.
/// </summary>
public static partial class ReplyClassifier
{
    public static ReplyKind Classify(IReadOnlyDictionary<string, string> headers, string subject, string bodyText, bool hasAcceptedAttachment)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (IsAutomatic(headers, subject))
        {
            return ReplyKind.Automatic;
        }

        if (hasAcceptedAttachment)
        {
            return ReplyKind.Return;
        }

        return SaysNoRecords(bodyText) || SaysNoRecords(SubjectLine.Strip(subject)) ? ReplyKind.NoRecordsHeld : ReplyKind.Correspondence;
    }

    public static bool IsAutomatic(IReadOnlyDictionary<string, string> headers, string subject)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.TryGetValue("Auto-Submitted", out var autoSubmitted)
            && !string.Equals(autoSubmitted.Trim(), "no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (headers.ContainsKey("X-Autoreply") || headers.ContainsKey("X-Autorespond"))
        {
            return true;
        }

        return AutomaticSubject().IsMatch(subject ?? string.Empty);
    }

    public static bool SaysNoRecords(string? text) => NoRecords().IsMatch(Collapse(text));

    private static string Collapse(string? text) => Whitespace().Replace(text ?? string.Empty, " ");

    [GeneratedRegex(@"^\s*(?:automatic reply|auto(?:matic)?[- ]?response|autoreply|auto|out of (?:the )?office|ooo|abwesenheitsnotiz|automatische antwort|réponse automatique)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutomaticSubject();

    // The ways agencies say it: "no records held", "we hold no records", "no record of", "not known
    // to our service", "no involvement with", "nil return", "no trace". "No" in the template's
    // declaration of involvement is written out by people as one of these.
    [GeneratedRegex(@"\b(?:no (?:records?|trace) (?:(?:is|are|were) )?(?:held|found|of|for|on)|no information (?:is )?held|no (?:involvement|contact) with|(?:hold|holds|have|has|found) no (?:records?|involvement|trace)|not (?:been )?known to (?:our|this|the|us)|nil return|(?:has|have) not had (?:any )?(?:contact|involvement))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoRecords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
