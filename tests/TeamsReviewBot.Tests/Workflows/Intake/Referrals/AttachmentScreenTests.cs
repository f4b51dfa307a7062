using System.IO.Compression;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

public sealed class AttachmentScreenTests
{
    private static readonly AttachmentScreen Screen = new(10 * 1024 * 1024, 50 * 1024 * 1024);

    private static MailAttachment File(string name, byte[] bytes) => new(name, "application/octet-stream", bytes.Length, true, bytes);

    [Fact]
    public void A_real_form_passes()
    {
        Assert.Null(Screen.Refusal(File("form.docx", GmFormBuilder.Filled().Build())));
    }

    [Fact]
    public void A_file_named_docx_that_is_not_one_is_refused()
    {
        var reason = Screen.Refusal(File("form.docx", "just some text, not a package"u8.ToArray()));

        Assert.Contains("not a Word .docx file", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_protected_document_is_refused()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        Assert.Contains("password-protected or encrypted", Screen.Refusal(File("form.docx", ole)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_macro_enabled_document_is_refused()
    {
        var docm = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()), ("word/vbaProject.bin", new byte[64]));

        Assert.Contains("macros", Screen.Refusal(File("form.docx", docm)), StringComparison.Ordinal);
        Assert.Contains("macro-enabled", Screen.Refusal(File("form.docm", GmFormBuilder.Filled().Build())), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        var bomb = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[200 * 1024 * 1024]));

        var reason = Screen.Refusal(File("form.docx", bomb));

        Assert.True(bomb.Length < 1024 * 1024, "the bomb is small on the wire");
        Assert.Contains("zip bomb", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attachment_over_the_size_limit_is_refused_unread()
    {
        var big = new MailAttachment("form.docx", "application/octet-stream", 30L * 1024 * 1024, true, new byte[16]);

        Assert.Contains("30 MB", Screen.Refusal(big), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_docx_is_refused_as_damaged()
    {
        var whole = GmFormBuilder.Filled().Build();
        var truncated = whole[..(whole.Length / 2)];

        var reason = Screen.Refusal(File("form.docx", truncated)) ?? ReferralFormReader.Read(truncated).RefusalReason;

        Assert.Contains("damaged", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_never_quotes_the_file_name_which_may_name_the_child()
    {
        var reason = Screen.Refusal(File("Alex Sample referral.docx", "%PDF-1.7"u8.ToArray()));

        Assert.Equal("The attached .docx file is a PDF, not a Word .docx form.", reason);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}
