using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Report;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Report;

/// <summary>
/// The next version attached in the personal chat, through /api/messages, with the file served by a
/// local Kestrel endpoint standing in for the user's OneDrive: a business manager's .docx with the
/// case code becomes the next version (sign-offs on the one before are void and the partners asked
/// again); without a case code the bot asks which case; a corrupt file, an address that is not a
/// Teams file host, or a redirect store nothing; someone who may not add a version is refused and
/// audited, and the bot does not fetch their file.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportVersionInChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private PanelBot? _bot;
    private LocalFileServer? _files;

    public async Task InitializeAsync() => _files = await LocalFileServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _files!.DisposeAsync();
    }

    [Fact]
    public async Task A_docx_attached_by_a_business_manager_with_the_case_code_becomes_the_next_version_and_voids_sign_offs()
    {
        var code = await RapidReviewCaseAsync();
        var draft = (await _bot!.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default))!;
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(draft, ReportVersionSources.Generated, Actor.System, "Draft.", default);
        await LolaSignsOffAsync(code);

        var edited = WithParagraph(draft.Content, $"Analysis written by the author about {PanelBot.ChildName}.");
        var v2 = _files!.Put("v2.docx", edited);

        // Someone not allowed to add a version: refused in a sentence, audited, and the file is not fetched.
        await AttachAsync(Vic, $"Report for {code}", v2);
        Assert.Contains("Only the report's author (the chair) or a business manager can add a version", await _bot.WaitForPersonalAsync(Vic, "can add a version"), StringComparison.Ordinal);
        Assert.Empty(_files.Requests);
        var audited = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(_bot.Clock.GetUtcNow(), default);
        Assert.Contains(audited, row => row.GetString("Action") == ReportFileFromChat.AuditAction && row.GetString("ActorName") is "Vic Torres");

        // No case code in the message: the bot asks which case, and stores nothing.
        await AttachAsync(Bea, "Here is my version", v2);
        var which = await _bot.WaitForPersonalAsync(Bea, "Which case is this version for?");
        Assert.Contains($"{code} (now at version 1)", which, StringComparison.Ordinal);
        Assert.Single((await _bot.CaseAsync(code)).ReportVersions);

        // An address that is not where Teams keeps files: not fetched. A redirect: not followed.
        await AttachAsync(Bea, code, "https://files.example.net/v2.docx");
        await _bot.WaitForPersonalAsync(Bea, "is not one Teams keeps chat files at");
        await AttachAsync(Bea, code, _files.Moved("v2.docx"));
        await _bot.WaitForPersonalAsync(Bea, "I only fetch files from where Teams keeps them");
        Assert.DoesNotContain("/files/v2.docx", _files.Requests);

        // A file named .docx that is not one: a sentence, nothing stored.
        await AttachAsync(Bea, code, _files.Put("broken.docx", "not a word document"u8.ToArray()));
        await _bot.WaitForPersonalAsync(Bea, "does not open as a Word document");
        Assert.Single((await _bot.CaseAsync(code)).ReportVersions);

        // The real thing.
        var activityId = await AttachAsync(Bea, $"Version 2 for {code}, with my analysis", v2);
        var stored = await _bot.WaitForPersonalAsync(Bea, "Stored as version 2");
        Assert.Contains($"Stored as version 2 of the report for {code}", stored, StringComparison.Ordinal);
        Assert.Contains("Sign-offs given on version 1 are void", stored, StringComparison.Ordinal);
        var version = (await _bot.CaseAsync(code)).CurrentReportVersion!;
        Assert.Equal((2, ReportVersionSources.Chat, Convert.ToHexStringLower(SHA256.HashData(edited))), (version.Number, version.Source, version.Sha256));
        Assert.Equal(edited, await _bot.Services.GetRequiredService<ReportVersionStore>().OpenAsync(code, version, default));
        Assert.Empty((await _bot.CaseAsync(code)).SeatSignOffs);

        // Teams retrying the same message: the same version, nothing added.
        await AttachAsync(Bea, $"Version 2 for {code}, with my analysis", v2, activityId);
        await _bot.WaitForPersonalAsync(Bea, "is already version 2");
        Assert.Equal(2, (await _bot.CaseAsync(code)).ReportVersions.Count);

        // The partners are asked again, told their answers are void; the thread gets the version's card.
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow());
        await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Pat.TeamsId, StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains("answers given on version 1 are void", StringComparison.Ordinal), "the version 2 sign-off card to Pat");
        await _bot.Teams.WaitForCallAsync(c => PanelBot.Words(c.Card).Contains($"Rapid Review report for {code}: version 2", StringComparison.Ordinal), "the thread card for version 2");

        // The file named the child: no channel post or log line does.
        Assert.DoesNotContain(PanelBot.ChildName, _bot.ChannelTraffic(), StringComparison.Ordinal);
        Assert.False(_logs.Contains(PanelBot.ChildName), "A log line names the child.");
        Assert.True(_logs.Contains($"Report version 2 for {code} taken from a personal chat"), _logs.ToString());
    }

    [Fact]
    public void Only_https_addresses_on_SharePoint_Online_are_fetched_unless_the_configuration_names_a_test_host()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ChatFileOptions());
        using var provider = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var downloads = new ChatFileDownloads(provider.GetRequiredService<IHttpClientFactory>(), options);
        Assert.True(downloads.IsAllowed("https://contoso-my.sharepoint.com/personal/bea_contoso_com/_layouts/15/download.aspx?UniqueId=1150d938&tempauth=x"));
        Assert.False(downloads.IsAllowed("http://contoso-my.sharepoint.com/personal/bea/download.aspx"));
        Assert.False(downloads.IsAllowed("https://contoso.sharepoint.com.evil.example/download.aspx"));
        Assert.False(downloads.IsAllowed("https://sharepoint.com.evil.example/x"));
        Assert.False(downloads.IsAllowed("https://user:pass@contoso.sharepoint.com/x"));
        Assert.False(downloads.IsAllowed("https://contoso.sharepoint.com:8443/x"));
        Assert.False(downloads.IsAllowed("http://127.0.0.1:5000/files/v2.docx"));
        Assert.False(downloads.IsAllowed("file:///etc/passwd"));
        Assert.False(downloads.IsAllowed("not a url"));
        options.Value.ExtraAllowedHosts.Add("127.0.0.1:5000");
        Assert.True(downloads.IsAllowed("http://127.0.0.1:5000/files/v2.docx"));
        Assert.False(downloads.IsAllowed("http://127.0.0.1:5001/files/v2.docx"));
    }

    private async Task<string> RapidReviewCaseAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Timers:PollInterval"] = "01:00:00",
            ["ChatFiles:ExtraAllowedHosts:0"] = _files!.Authority,
        }, services: s => s.AddSingleton<ILoggerProvider>(_logs));
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

        return code;
    }

    private async Task LolaSignsOffAsync(string code)
    {
        await _bot!.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 1");
        var card = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Lola.TeamsId, StringComparison.Ordinal) && c.Card?.ToJsonString().Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal) == true, "Lola's sign-off card");
        var action = card.Card!["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == "sign-off")!;
        var data = (JsonObject)action["data"]!.DeepClone();
        data["comments"] = string.Empty;
        await _bot.InvokeAsync(Lola, "sign-off", data, conversationId: "a:chat-" + Lola.TeamsId);
        Assert.Single((await _bot.CaseAsync(code)).SeatSignOffs);
    }

    /// <summary>A message with a file attached in the person's personal chat, as Teams sends it; returns the activity id.</summary>
    private async Task<string> AttachAsync(Person person, string text, string downloadUrl, string? activityId = null)
    {
        var id = activityId ?? Guid.NewGuid().ToString();
        var response = await _bot!.PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["text"] = text,
            ["serviceUrl"] = _bot.Teams.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = person.From,
            ["recipient"] = new JsonObject { ["id"] = PanelBot.BotId, ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:chat-" + person.TeamsId, ["conversationType"] = "personal", ["tenantId"] = PanelBot.Tenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = PanelBot.Tenant } },
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/someone/Documents/Microsoft%20Teams%20Chat%20Files/report.docx",
                ["name"] = $"{PanelBot.ChildName} report.docx",
                ["content"] = new JsonObject { ["downloadUrl"] = downloadUrl, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = "docx" },
            }),
        });
        response.EnsureSuccessStatusCode();
        return id;
    }

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
