namespace TeamsReviewBot.Process.Cases;

/// <summary>How labels are compared.</summary>
public static class FormText
{
    /// <summary>
    /// Lower case, one kind of dash and apostrophe, single spaces, no trailing colon or asterisk; every
    /// hyphen with one space either side. One pass over the text: a referral form's every label and
    /// heading comes through here, so it is done without regular expressions.
    /// </summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spaced = new System.Text.StringBuilder(text.Length + 8);
        // Whitespace runs become one space, leading whitespace goes; a hyphen takes the whitespace
        // around it into its own " - " (the space before it is dropped from what is written so far,
        // unless an earlier hyphen wrote it).
        var pendingSpace = false;
        var written = 0;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' => '\'',
                '\u2013' or '\u2014' => '-',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = spaced.Length > 0;
                continue;
            }

            if (c == '-')
            {
                spaced.Append(" - ");
                written = spaced.Length;
                pendingSpace = false;
                continue;
            }

            if (pendingSpace && spaced.Length > written)
            {
                spaced.Append(' ');
            }

            pendingSpace = false;
            spaced.Append(c);
        }

        var end = spaced.Length;
        while (end > 0 && spaced[end - 1] is ':' or '*' or ' ')
        {
            end--;
        }

        return spaced.ToString(0, end).ToLowerInvariant();
    }
}
