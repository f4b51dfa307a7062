using MimeKit;

namespace TeamsReviewBot.Tests.Graph;

/// <summary>Real RFC 822 messages, built with MimeKit, for the sandbox's inbox.</summary>
public static class TestMail
{
    public const string Referrer = "safeguarding.lead@school.example";

    public static byte[] Referral(byte[] docx, string fileName = "1. Greater Manchester Serious Child Safeguarding Case Notification Form.docx", string from = Referrer)
    {
        var builder = new BodyBuilder { TextBody = "Please find attached a serious child safeguarding case notification.\n\nKind regards" };
        builder.Attachments.Add(fileName, docx, ContentType.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        return Message(from, "Serious child safeguarding case notification", builder.ToMessageBody());
    }

    public static byte[] Plain(string subject, string text, string from = Referrer, params (string Name, string Value)[] headers)
    {
        var bytes = Message(from, subject, new TextPart("plain") { Text = text }, headers);
        return bytes;
    }

    public static byte[] Message(string from, string subject, MimeEntity body, params (string Name, string Value)[] headers)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("partnership@partnership.example"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("sender.example");
        message.Date = DateTimeOffset.UtcNow;
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = body;
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
