using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.InformationRequests;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Report;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Report;

/// <summary>
/// The author's next version by email, through the Graph sandbox's mailbox and mail intake: a .docx
/// with the case code in the subject, from a business manager the partnership lists, whose domain the
/// receiving server authenticated, becomes the case's next report version; the thread gets its card
/// and the partners the sign-off card saying earlier answers are void. A forged sender is not taken.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportVersionByMailTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BeaEmail = "bea.manning@partnership.example";
    private const string Authenticated = "spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=partnership.example; dkim=pass (signature was verified) header.d=partnership.example; dmarc=pass action=none header.from=partnership.example";

    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_docx_from_a_listed_business_manager_becomes_the_next_version_and_a_forged_one_does_not()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Timers:PollInterval"] = "01:00:00",
            ["Partnership:People:0:Email"] = BeaEmail,
        });
        foreach (var person in StatutoryPanel)
        {
            await _bot.PersonalInstallAsync(person);
        }

        var code = await _bot.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        var draft = (await _bot.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default))!;
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(draft, "generated", Actor.System, "Draft.", default);
        var edited = WithParagraph(draft.Content, "Analysis written by the author.");

        // Someone writing Bea's address in From without the domain's authentication: not taken.
        var forged = await ReceiveAsync(AgencyReplies.Mail(BeaEmail, $"RE: Rapid Review {code}: draft report, version 1", "Here is my version.", attachments: (code + " v2.docx", edited)));
        Assert.Contains("did not authenticate the sender's domain", forged, StringComparison.Ordinal);
        Assert.Single((await _bot.CaseAsync(code)).ReportVersions);

        var outcome = await ReceiveAsync(AgencyReplies.Mail(BeaEmail, $"RE: Rapid Review {code}: draft report, version 1", "Here is my version.", headers: [("Authentication-Results", Authenticated)], attachments: (code + " v2.docx", edited)));
        Assert.Equal($"report version 2 for {code} from Bea Manning", outcome);
        var version = (await _bot.CaseAsync(code)).CurrentReportVersion!;
        Assert.Equal((2, "email", Convert.ToHexStringLower(SHA256.HashData(edited))), (version.Number, version.Source, version.Sha256));
        Assert.Equal(edited, await _bot.Services.GetRequiredService<ReportVersionStore>().OpenAsync(code, version, default));

        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow());
        await _bot.Teams.WaitForCallAsync(c => PanelBot.Words(c.Card).Contains($"Rapid Review report for {code}: version 2", StringComparison.Ordinal), "the thread card for version 2");

        // A file named .docx that is not one: not taken, the business managers are shown it.
        var broken = await ReceiveAsync(AgencyReplies.Mail(BeaEmail, $"RE: Rapid Review {code}", "v3", headers: [("Authentication-Results", Authenticated)], attachments: (code + " v3.docx", "not a word document"u8.ToArray())));
        Assert.Contains("does not open as one", broken, StringComparison.Ordinal);
        Assert.Equal(2, (await _bot.CaseAsync(code)).CurrentReportVersion!.Number);
    }

    private Task<string> ReceiveAsync(byte[] rfc822) => _bot!.ReceiveMailAsync(rfc822);

    private static byte[] WithParagraph(byte[] docx, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            document.MainDocumentPart!.Document.Body!.AppendChild(new Paragraph(new Run(new Text(text))));
            document.MainDocumentPart.Document.Save();
        }

        return stream.ToArray();
    }
}
