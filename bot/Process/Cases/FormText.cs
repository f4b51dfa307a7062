namespace TeamsReviewBot.Process.Cases;

/// <summary>How labels are compared.</summary>
public static class FormText
{
    /// <summary>Lower case, one kind of dash and apostrophe, single spaces, no trailing colon or asterisk.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00a0', ' ');
        s = System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();
        s = System.Text.RegularExpressions.Regex.Replace(s, @"\s*-\s*", " - ");
        return s.TrimEnd(':', '*', ' ').ToLowerInvariant();
    }
}
