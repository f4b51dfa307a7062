using System.Text.RegularExpressions;

namespace TeamsReviewBot.Teams;

/// <summary>In a channel the bot only hears messages that @mention it; the mention arrives as
/// "&lt;at&gt;Bot name&lt;/at&gt;" inside the text and is not part of the command.</summary>
public static partial class Mentions
{
    public static string StripMentions(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : MentionTag().Replace(text, " ").Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex MentionTag();
}
