using System.Text;
using TeamsReviewBot.Process.Export;

namespace TeamsReviewBot.Tests.Process.Export;

/// <summary>RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180) that a spreadsheet cannot be made to run.</summary>
public sealed class CsvTests
{
    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_read_back_as_written()
    {
        string[] header = ["a", "b"];
        IReadOnlyList<string>[] rows = [["one, two", "she said \"no\""], ["line\r\nbreak", ""]];

        var read = CsvText.Read(Csv.Write(header, rows));

        Assert.Equal([["a", "b"], ["one, two", "she said \"no\""], ["line\r\nbreak", ""]], read);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(string value)
    {
        var read = CsvText.Read(Csv.Write(["x"], [[value]]));

        Assert.Equal("'" + value, read[1][0]);
    }

    [Fact]
    public void Records_end_with_crlf_every_field_is_quoted_and_the_file_starts_with_a_utf8_byte_order_mark()
    {
        var bytes = Csv.Write(["name"], [["Zoë"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("\"name\"\r\n\"Zoë\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}

/// <summary>A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records.</summary>
internal static class CsvText
{
    public static List<List<string>> Read(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                throw new FormatException($"Unquoted character '{c}' at {i}: every field should be quoted.");
            }
        }

        Assert.False(quoted, "The CSV ends inside a quoted field.");
        Assert.True(record.Count == 0 && field.Length == 0, "The last record does not end with CRLF.");
        return records;
    }
}
