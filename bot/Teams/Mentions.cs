using System.Text.RegularExpressions;

namespace TeamsReviewBot.Teams;

/// <summary>In a channel the bot is spoken to by an @mention (or hears every message where the app has
/// resource-specific consent to read them); a mention arrives as
/// "&lt;at&gt;Bot name&lt;/at&gt;" inside the text and is not part of the command.</summary>
public static partial class Mentions
{
    public static string StripMentions(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : MentionTag().Replace(text, " ").Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();

    /// <summary>Whether the message @mentions the bot: a mention entity naming the activity's recipient.</summary>
    public static bool NamesBot(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var bot = activity.Recipient?.Id;
        return bot is not null && (activity.Entities ?? []).Any(entity =>
            string.Equals(entity["type"]?.GetValue<string>(), "mention", StringComparison.OrdinalIgnoreCase)
            && entity["mentioned"]?["id"]?.GetValue<string>() is { } id
            && string.Equals(id, bot, StringComparison.Ordinal));
    }

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex MentionTag();
}
