using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MimeKit;
using TeamsReviewBot.Documents;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

/// <summary>The emails agencies send back, as real RFC 822 messages, and the forms they fill in.</summary>
internal static class AgencyReplies
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>An email with optional threading headers, other headers and attachments.</summary>
    public static byte[] Mail(
        string from,
        string subject,
        string text,
        string? inReplyTo = null,
        string? references = null,
        IEnumerable<(string Name, string Value)>? headers = null,
        params (string Name, byte[] Content)[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("oscp@partnership.example"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Split('@')[1]);
        message.Date = DateTimeOffset.UtcNow;
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
        }

        if (references is not null)
        {
            foreach (var id in references.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                message.References.Add(id.Trim('<', '>'));
            }
        }

        foreach (var (name, value) in headers ?? [])
        {
            message.Headers.Add(name, value);
        }

        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, content) in attachments)
        {
            body.Attachments.Add(name, content, ContentType.Parse(name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? DocxType : "application/octet-stream"));
        }

        message.Body = body.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>The form the bot sent, with its chronology table filled in as an agency would: the
    /// blank rows replaced by <paramref name="rows"/> (Date, Time, Event, Outcome, Practitioner).</summary>
    public static byte[] FillChronology(byte[] form, params string[][] rows)
    {
        using var stream = new MemoryStream();
        stream.Write(form);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var table = document.MainDocumentPart!.Document!.Body!.Descendants<Table>()
                .First(t => t.Elements<TableRow>().First().InnerText.StartsWith(ChronologyColumns.Date, StringComparison.Ordinal)
                    && t.Elements<TableRow>().First().InnerText.Contains("Event", StringComparison.Ordinal));
            foreach (var blank in table.Elements<TableRow>().Skip(1).ToList())
            {
                blank.Remove();
            }

            foreach (var row in rows)
            {
                table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))));
            }

            document.MainDocumentPart.Document.Save();
        }

        return stream.ToArray();
    }
}
