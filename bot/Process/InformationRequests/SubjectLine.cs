using System.Text.RegularExpressions;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// Reads a reply's subject the way a person would: reply and forward prefixes in any language the
/// partnership's agencies use (RE:, AW:, FW:, Fwd:, SV:, WG:, TR:, "[EXTERNAL]") are noise, and
/// the case code may sit anywhere in an edited subject.
/// </summary>
public static partial class SubjectLine
{
    /// <summary>The subject with every leading reply/forward prefix and tag removed.</summary>
    public static string Strip(string? subject)
    {
        var text = (subject ?? string.Empty).Trim();
        while (true)
        {
            var stripped = Prefix().Replace(text, string.Empty, 1).TrimStart();
            if (stripped.Length == text.Length)
            {
                return text;
            }

            text = stripped;
        }
    }

    /// <summary>Every case code in the subject (e.g. RR-OLD-2026-0007), upper-cased, in order of appearance.</summary>
    public static IReadOnlyList<string> CaseCodes(string? subject) =>
        [.. CaseCode().Matches(subject ?? string.Empty).Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"^(?:(?:re|aw|sv|vs|antw|fw|fwd|wg|tr|rv)\s*(?:\[\d+\])?\s*:|\[(?:external|ext|secure|official(?:[- ]sensitive)?)\]|(?:external|official(?:[- ]sensitive)?)\s*:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    // A case code is a prefix of letters (RR-OLD) then year and number: RR-OLD-2026-0007.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2,4}(?:-[A-Za-z]{2,8})+-\d{4}-\d{3,6}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CaseCode();
}
