using System.Text;

namespace TeamsReviewBot.Process.Export;

/// <summary>
/// Writes CSV by RFC 4180: CRLF between records, every field quoted, a quote doubled. A cell that
/// starts with = + - @ (or a tab or carriage return) is prefixed with an apostrophe so a
/// spreadsheet shows it as text instead of running it as a formula (OWASP's CSV injection advice).
/// UTF-8 with a byte-order mark, so Excel reads names with accents as written.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public const string ContentType = "text/csv";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Append(text, header);
        foreach (var row in rows)
        {
            Append(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The field as written: defused if a spreadsheet would run it, then quoted.</summary>
    public static string Field(string? value)
    {
        var safe = value ?? string.Empty;
        if (safe.Length > 0 && FormulaStarts.Contains(safe[0]))
        {
            safe = "'" + safe;
        }

        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Append(StringBuilder text, IReadOnlyList<string> fields)
    {
        text.AppendJoin(',', fields.Select(Field));
        text.Append("\r\n");
    }
}
