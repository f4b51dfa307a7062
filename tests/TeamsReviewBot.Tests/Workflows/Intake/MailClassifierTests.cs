using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Tests.Workflows.Intake;

public sealed class MailClassifierTests
{
    private static readonly MailClassifier Classifier = new(new IntakeOptionsSnapshot(["Mailbox.NationalReviewPanel@education.gov.uk", "@panel.example"]));

    private static InboundMail Mail(string subject, string body = "", string from = "someone@agency.example", MailHeader[]? headers = null, MailAttachment[]? attachments = null) =>
        new("id", "<id@x>", subject, from, null, DateTimeOffset.UtcNow, body, false, headers ?? [], attachments ?? [], null, null);

    private static MailAttachment Word(string name) => new(name, "application/octet-stream", 10, true, new byte[10]);

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("X-Auto-Response-Suppress", "All")]
    [InlineData("Precedence", "auto_reply")]
    public void Automatic_reply_headers_win_over_everything_else(string header, string value)
    {
        var mail = Mail("Serious child safeguarding case notification", attachments: [Word("form.docx")], headers: [new MailHeader(header, value)]);

        Assert.Equal(MailKind.AutomaticReply, Classifier.Classify(mail, isInformationRequestReply: true).Kind);
    }

    [Theory]
    [InlineData("Automatic reply: Referral")]
    [InlineData("Out of Office: RR-OLD-2026-0007 information request")]
    [InlineData("out of office")]
    public void Automatic_reply_subjects_are_recognised(string subject)
    {
        Assert.Equal(MailKind.AutomaticReply, Classifier.Classify(Mail(subject), false).Kind);
    }

    [Fact]
    public void Auto_Submitted_no_is_an_ordinary_message()
    {
        var mail = Mail("Referral", headers: [new MailHeader("Auto-Submitted", "no")], attachments: [Word("form.docx")]);

        Assert.Equal(MailKind.Referral, Classifier.Classify(mail, false).Kind);
    }

    [Fact]
    public void A_matched_information_request_reply_is_a_reply()
    {
        Assert.Equal(MailKind.InformationRequestReply, Classifier.Classify(Mail("RE: Single agency summary"), true).Kind);
    }

    [Fact]
    public void National_Panel_mail_gives_the_case_and_the_expected_response_date()
    {
        var mail = Mail(
            "Rapid Review RR-OLD-2026-0007",
            "Thank you for your Rapid Review. The Panel's expected response date is 14 January 2027.",
            from: "Mailbox.NationalReviewPanel@education.gov.uk",
            headers: [Authenticated("education.gov.uk")]);

        var verdict = Classifier.Classify(mail, false);

        Assert.Equal(MailKind.NationalPanel, verdict.Kind);
        Assert.Equal("RR-OLD-2026-0007", verdict.CaseCode);
        Assert.Equal(new DateOnly(2027, 1, 14), verdict.ExpectedResponseDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("eu-west.mx.microsoft; spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=education.gov.uk; dkim=none (message not signed) header.d=none; dmarc=fail action=quarantine header.from=education.gov.uk; compauth=fail reason=000")]
    [InlineData("eu-west.mx.microsoft; spf=pass smtp.mailfrom=attacker.example; dkim=pass header.d=attacker.example; dmarc=pass header.from=attacker.example")]
    [InlineData("eu-west.mx.microsoft; spf=pass smtp.mailfrom=noteducation.gov.uk; dkim=pass header.d=gov.uk.attacker.example")]
    public void Mail_forging_the_National_Panels_address_cannot_set_a_cases_dates(string? authenticationResults)
    {
        var mail = Mail(
            "Rapid Review RR-OLD-2026-0007",
            "The Panel's expected response date is 14 January 2027.",
            from: "Mailbox.NationalReviewPanel@education.gov.uk",
            headers: authenticationResults is null ? [] : [new MailHeader("Authentication-Results", authenticationResults)]);

        var verdict = Classifier.Classify(mail, false);

        Assert.Equal(MailKind.Other, verdict.Kind);
        Assert.Null(verdict.ExpectedResponseDate);
        Assert.Contains("authentication results", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_topmost_authentication_results_the_receiving_server_wrote_count()
    {
        var mail = Mail(
            "Rapid Review RR-OLD-2026-0007",
            "The Panel's expected response date is 14 January 2027.",
            from: "Mailbox.NationalReviewPanel@education.gov.uk",
            headers: [new MailHeader("Authentication-Results", "eu-west.mx.microsoft; dmarc=fail header.from=education.gov.uk"), Authenticated("education.gov.uk")]);

        Assert.Equal(MailKind.Other, Classifier.Classify(mail, false).Kind);
    }

    [Theory]
    [InlineData("mx.microsoft; spf=pass (sender IP is 198.51.100.1) smtp.mailfrom=education.gov.uk; dkim=fail header.d=education.gov.uk; dmarc=fail header.from=education.gov.uk")]
    [InlineData("mx.microsoft; spf=softfail smtp.mailfrom=bounce.example; dkim=pass (signature was verified) header.d=education.gov.uk; dmarc=none")]
    [InlineData("mx.microsoft; dmarc=pass action=none header.from=\"education.gov.uk\"")]
    public void A_pass_for_the_From_domain_by_any_one_method_is_enough(string authenticationResults)
    {
        var mail = Mail("Your review", "Expected response date: 05/03/2027", from: "Mailbox.NationalReviewPanel@education.gov.uk", headers: [new MailHeader("Authentication-Results", authenticationResults)]);

        Assert.Equal(MailKind.NationalPanel, Classifier.Classify(mail, false).Kind);
    }

    private static MailHeader Authenticated(string domain) => new(
        "Authentication-Results",
        $"spf=pass (sender IP is 20.58.22.103) smtp.mailfrom={domain}; dkim=pass (signature was verified) header.d={domain};dmarc=pass action=none header.from={domain};compauth=pass reason=100");

    [Theory]
    [InlineData("We will respond by 3rd February 2027.", 2027, 2, 3)]
    [InlineData("Expected response date: 05/03/2027", 2027, 3, 5)]
    public void Expected_response_dates_are_read_in_the_forms_the_Panel_writes(string body, int year, int month, int day)
    {
        var verdict = Classifier.Classify(Mail("Your review", body, from: "reviewer@panel.example", headers: [Authenticated("panel.example")]), false);

        Assert.Equal(new DateOnly(year, month, day), verdict.ExpectedResponseDate);
    }

    [Fact]
    public void A_Word_attachment_or_a_referral_subject_makes_a_referral()
    {
        Assert.Equal(MailKind.Referral, Classifier.Classify(Mail("Please see attached", attachments: [Word("Notification.DOCX")]), false).Kind);
        Assert.Equal(MailKind.Referral, Classifier.Classify(Mail("New referral"), false).Kind);
    }

    [Fact]
    public void Mail_about_an_existing_case_is_not_a_new_referral()
    {
        var verdict = Classifier.Classify(Mail("RE: Referral received: RR-OLD-2026-0007", attachments: [Word("more.docx")]), false);

        Assert.Equal(MailKind.Other, verdict.Kind);
        Assert.Equal("RR-OLD-2026-0007", verdict.CaseCode);
    }

    [Fact]
    public void Anything_else_is_other()
    {
        Assert.Equal(MailKind.Other, Classifier.Classify(Mail("Training dates", "Next term's training."), false).Kind);
    }
}
