using System.Text;
using Microsoft.Graph.Models;
using TeamsReviewBot.GraphIntegration.Client;
using TeamsReviewBot.GraphIntegration.Mail;

namespace TeamsReviewBot.Tests.Graph;

/// <summary>The sandbox turns RFC 822 into what Graph would return, read through the real SDK.</summary>
public sealed class GraphSandboxTests
{
    private const string Box = "box@partnership.example";

    private const string Rfc822 =
        "From: \"Pat Example\" <pat@school.example>\r\n" +
        "To: box@partnership.example\r\n" +
        "Subject: =?utf-8?Q?Referral_=E2=80=93_urgent?=\r\n" +
        "Message-ID: <abc.123@school.example>\r\n" +
        "X-Long-Header: first part\r\n" +
        " continued on a folded line\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n" +
        "\r\n" +
        "--b1\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Transfer-Encoding: quoted-printable\r\n" +
        "\r\n" +
        "Child=E2=80=99s details are in the form. This line is long enough to be so=\r\n" +
        "ft-wrapped.\r\n" +
        "--b1\r\n" +
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"form.docx\"\r\n" +
        "Content-Disposition: attachment; filename=\"form.docx\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n" +
        "\r\n" +
        "UEsDBBQAAAAIAA==\r\n" +
        "--b1--\r\n";

    [Fact]
    public async Task A_multipart_message_comes_back_with_decoded_text_headers_and_attachment()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.DeliverAsync(Box, Encoding.ASCII.GetBytes(Rfc822));
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);

        var id = (await graph.Users[Box].MailFolders["inbox"].Messages.GetAsync())!.Value!.Single().Id!;
        var mail = (await new MailboxReader(graph).GetAsync(Box, id, 10 * 1024 * 1024))!;

        Assert.Equal("<abc.123@school.example>", mail.InternetMessageId);
        Assert.Equal("Referral \u2013 urgent", mail.Subject);
        Assert.Equal("pat@school.example", mail.FromAddress);
        Assert.Contains("Child\u2019s details are in the form. This line is long enough to be soft-wrapped.", mail.Body, StringComparison.Ordinal);
        Assert.Equal("first part continued on a folded line", mail.Header("X-Long-Header"));
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("form.docx", attachment.Name);
        Assert.Equal(Convert.FromBase64String("UEsDBBQAAAAIAA=="), attachment.Content.ToArray());
        Assert.StartsWith("https://outlook.office365.com/owa/", mail.WebLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_attachment_is_listed_by_its_size_and_its_bytes_are_never_downloaded()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var form = new byte[2_000];
        var huge = System.Security.Cryptography.RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        var body = new MimeKit.BodyBuilder { TextBody = "Two files." };
        body.Attachments.Add("form.docx", form);
        body.Attachments.Add("scan.pdf", huge);
        await sandbox.DeliverAsync(Box, TestMail.Message("pat@school.example", "Referral", body.ToMessageBody()));
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);
        var id = (await graph.Users[Box].MailFolders["inbox"].Messages.GetAsync())!.Value!.Single().Id!;

        var mail = (await new MailboxReader(graph).GetAsync(Box, id, 1024 * 1024))!;

        var scan = Assert.Single(mail.Attachments, a => a.Name == "scan.pdf");
        Assert.True(scan.IsFile);
        Assert.Equal(huge.Length, scan.Size);
        Assert.True(scan.Content.IsEmpty);
        Assert.Equal(form, Assert.Single(mail.Attachments, a => a.Name == "form.docx").Content.ToArray());
        Assert.Equal(1, sandbox.State.Stats.AttachmentContentServed);
        Assert.Equal(form.Length, sandbox.State.Stats.AttachmentBytesServed);
    }

    [Fact]
    public async Task Files_left_unread_for_their_size_are_fetched_later_without_reading_the_message_again()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var form = new byte[2_000];
        var large = System.Security.Cryptography.RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        var body = new MimeKit.BodyBuilder { TextBody = "Two files." };
        body.Attachments.Add("form.docx", form);
        body.Attachments.Add("chronology.pdf", large);
        await sandbox.DeliverAsync(Box, TestMail.Message("pat@school.example", "Return", body.ToMessageBody()));
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);
        var id = (await graph.Users[Box].MailFolders["inbox"].Messages.GetAsync())!.Value!.Single().Id!;
        var reader = new MailboxReader(graph);
        var mail = (await reader.GetAsync(Box, id, 1024 * 1024))!;
        var before = sandbox.State.Stats.GraphRequests;

        var withReturns = await reader.ReadUnreadAttachmentsAsync(Box, mail, 4 * 1024 * 1024);

        Assert.Equal(large, Assert.Single(withReturns.Attachments, a => a.Name == "chronology.pdf").Content.ToArray());
        Assert.Equal(form, Assert.Single(withReturns.Attachments, a => a.Name == "form.docx").Content.ToArray());
        Assert.Equal(1, sandbox.State.Stats.GraphRequests - before);
        Assert.Equal(2, sandbox.State.Stats.AttachmentContentServed);
    }

    [Fact]
    public async Task Headers_come_back_only_when_selected_as_in_Graph()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.DeliverAsync(Box, Encoding.ASCII.GetBytes(Rfc822));
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);

        var message = (await graph.Users[Box].MailFolders["inbox"].Messages.GetAsync())!.Value!.Single();

        Assert.Null(message.InternetMessageHeaders);
    }

    [Fact]
    public async Task Delta_pages_through_the_inbox_and_then_returns_only_what_is_new()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);
        for (var i = 0; i < 120; i++)
        {
            await sandbox.DeliverAsync(Box, TestMail.Plain($"Message {i}", "text"));
        }

        var reader = new InboxDeltaReader(graph);
        var pages = new List<int>();
        var link = await reader.ReadAsync(Box, null, (ids, _) => { pages.Add(ids.Count); return Task.CompletedTask; });

        Assert.Equal([50, 50, 20], pages);
        await sandbox.DeliverAsync(Box, TestMail.Plain("Later", "text"));
        var later = new List<string>();
        await reader.ReadAsync(Box, link, (ids, _) => { later.AddRange(ids); return Task.CompletedTask; });
        Assert.Single(later);
    }

    [Fact]
    public async Task Sending_goes_through_a_draft_whose_ids_are_known_and_lands_in_sent_items()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);

        var sent = await new MailSender(graph).SendAsync(Box, new OutboundMail(["pat@school.example"], "Referral received: RR-TST-2026-0001", "Body"), "acknowledgement:RR-TST-2026-0001");

        Assert.NotNull(sent.InternetMessageId);
        var inSent = Assert.Single(await sandbox.SentAsync(Box));
        Assert.Equal(sent.InternetMessageId, inSent.GetProperty("internetMessageId").GetString());
        Assert.Equal("pat@school.example", inSent.GetProperty("to")[0].GetString());
        var viaGraph = (await graph.Users[Box].MailFolders["sentitems"].Messages.GetAsync())!.Value!;
        Assert.False(Assert.Single(viaGraph).IsDraft);
    }

    [Fact]
    public async Task Files_sent_with_a_message_arrive_byte_for_byte_with_their_names_and_types()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);
        // Every byte value, over a megabyte: a report draft's size, and no byte an encoding could hide.
        var report = Enumerable.Range(0, 1_200_000).Select(i => (byte)(i * 7 % 256)).ToArray();
        var csv = Encoding.UTF8.GetBytes("case,stage\r\nRR-TST-2026-0004,report\r\n");
        var mail = new OutboundMail(
            ["chair@partnership.example", "police@force.example"],
            "Rapid Review RR-TST-2026-0004: draft report, version 2",
            "<p>The draft is attached.</p>",
            BodyIsHtml: true,
            Attachments:
            [
                new OutboundAttachment("RR-TST-2026-0004 Rapid Review report v2.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", report),
                new OutboundAttachment("RR-TST-2026-0004 stages.csv", "text/csv", csv),
            ]);

        var sent = await new MailSender(graph).SendAsync(Box, mail, "report-draft:RR-TST-2026-0004:2");

        var inSent = Assert.Single(await sandbox.SentAsync(Box));
        Assert.Equal(sent.InternetMessageId, inSent.GetProperty("internetMessageId").GetString());
        Assert.Equal(mail.Subject, inSent.GetProperty("subject").GetString());
        Assert.Equal(mail.To, inSent.GetProperty("to").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(mail.Body, inSent.GetProperty("body").GetString());
        var files = inSent.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(mail.Attachments!.Select(a => (a.Name, a.ContentType)), files.Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("contentType").GetString()!)));
        Assert.Equal(report, Convert.FromBase64String(files[0].GetProperty("contentBytes").GetString()!));
        Assert.Equal(csv, Convert.FromBase64String(files[1].GetProperty("contentBytes").GetString()!));
        var viaGraph = await graph.Users[Box].Messages[sent.Id].GetAsync(r => r.QueryParameters.Select = ["body", "hasAttachments"]);
        Assert.Equal(BodyType.Html, viaGraph!.Body!.ContentType);
        Assert.True(viaGraph.HasAttachments);
    }

    [Fact]
    public async Task A_file_Graph_refuses_fails_the_send_with_Graph_s_reason_and_sends_nothing()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);
        var mail = new OutboundMail(["pat@school.example"], "Rapid Review RR-TST-2026-0005: draft report", "Body", Attachments: [new OutboundAttachment(" ", "text/plain", [1, 2, 3])]);

        var refused = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => new MailSender(graph).SendAsync(Box, mail, "report-draft:RR-TST-2026-0005:1"));

        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.Equal("RequestBodyRead", refused.Error?.Code);
        Assert.Empty(await sandbox.SentAsync(Box));
        Assert.Empty((await graph.Users[Box].MailFolders["drafts"].Messages.GetAsync())!.Value!);
    }

    [Fact]
    public async Task A_send_whose_answer_was_lost_is_found_in_the_mailbox_and_not_sent_again_on_retry()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);
        var sender = new MailSender(graph);
        var mail = new OutboundMail(["pat@school.example"], "Referral received: RR-TST-2026-0002", "Body");
        await sandbox.FaultsAsync(new { loseSendAnswers = 1 });

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Box, mail, "acknowledgement:RR-TST-2026-0002"));
        var retried = await sender.SendAsync(Box, mail, "acknowledgement:RR-TST-2026-0002");

        Assert.True(retried.AlreadySent);
        var inSent = Assert.Single(await sandbox.SentAsync(Box));
        Assert.Equal(MessageIds.For(Box, "acknowledgement:RR-TST-2026-0002"), inSent.GetProperty("internetMessageId").GetString());
        Assert.Equal(retried.InternetMessageId, inSent.GetProperty("internetMessageId").GetString());
    }

    [Fact]
    public async Task A_draft_left_unsent_by_a_crash_is_sent_instead_of_a_second_copy()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);
        var key = "threshold-decision-letter:RR-TST-2026-0003";
        await graph.Users[Box].Messages.PostAsync(new Message
        {
            Subject = "RR-TST-2026-0003: threshold decision on your referral",
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "pat@school.example" } }],
            InternetMessageId = MessageIds.For(Box, key),
        });

        var sent = await new MailSender(graph).SendAsync(Box, new OutboundMail(["pat@school.example"], "RR-TST-2026-0003: threshold decision on your referral", "Body"), key);

        Assert.False(sent.AlreadySent);
        Assert.Single(await sandbox.SentAsync(Box));
        Assert.Empty((await graph.Users[Box].MailFolders["drafts"].Messages.GetAsync())!.Value!);
    }

    [Fact]
    public void Different_purposes_get_different_message_ids_in_the_RFC_5322_shape_naming_no_case()
    {
        var acknowledgement = MessageIds.For(Box, "acknowledgement:RR-TST-2026-0001");
        var letter = MessageIds.For(Box, "threshold-decision-letter:RR-TST-2026-0001");

        Assert.NotEqual(acknowledgement, letter);
        Assert.Equal(acknowledgement, MessageIds.For("BOX@partnership.example", "acknowledgement:RR-TST-2026-0001"));
        Assert.Matches("^<rr\\.[0-9a-f]{40}@partnership\\.example>$", acknowledgement);
        Assert.DoesNotContain("RR-TST", acknowledgement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_that_is_not_RFC_822_is_refused()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var content = new StringContent("hello", Encoding.UTF8, "text/plain");
        using var response = await sandbox.Control.PostAsync(new Uri($"sandbox/mailboxes/{Box}/inbox", UriKind.Relative), content);

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
