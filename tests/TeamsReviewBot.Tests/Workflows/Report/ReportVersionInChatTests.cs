using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Cards;
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
    public async Task A_docx_that_would_void_a_sign_off_is_held_until_its_sender_confirms_it_and_then_voids_it()
    {
        var code = await RapidReviewCaseAsync();
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);
        await AnswerAsync(Lola, "sign-off");

        var edited = WithParagraph(draft.Content, $"Analysis written by the author about {PanelBot.ChildName}.");
        var v2 = _files!.Put("v2.docx", edited);

        // Someone not allowed to add a version: refused in a sentence, audited, and the file is not fetched.
        await AttachAsync(Vic, $"Report for {code}", v2);
        Assert.Contains("Only the report's author (the chair) or a business manager can add a version", await _bot!.WaitForPersonalAsync(Vic, "can add a version"), StringComparison.Ordinal);
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

        // The real thing: it would void the local authority's sign-off, so nothing is stored yet and Bea is asked.
        var activityId = await AttachAsync(Bea, $"Version 2 for {code}, with my analysis", v2);
        var question = await HeldCardAsync(Bea);
        var words = PanelBot.Words(question);
        Assert.Contains($"Make this file version 2 of the report for {code}?", words, StringComparison.Ordinal);
        Assert.Contains("Assistant Director for Safeguarding/Quality Assurance | signed off", words, StringComparison.Ordinal);
        Assert.Contains("Each signing partner will be asked again", words, StringComparison.Ordinal);
        Assert.Contains("Store as version 2", words, StringComparison.Ordinal);
        Assert.Contains("Don't store", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Superintendent", words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, question!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("v2.docx", question.ToJsonString(), StringComparison.Ordinal);
        var before = await _bot.CaseAsync(code);
        Assert.Equal(1, before.CurrentReportVersion!.Number);
        Assert.True(before.SeatSignOffs["la"].Agrees);

        // Confirmed: stored through the same path, the sign-off is void and the card says what happened.
        var stored = PanelBot.Words(await PressAsync(Bea, question, "store"));
        Assert.Contains($"Stored as version 2 of the report for {code}", stored, StringComparison.Ordinal);
        Assert.Contains("Sign-offs given on version 1 are void", stored, StringComparison.Ordinal);
        var version = (await _bot.CaseAsync(code)).CurrentReportVersion!;
        Assert.Equal((2, ReportVersionSources.Chat, Convert.ToHexStringLower(SHA256.HashData(edited))), (version.Number, version.Source, version.Sha256));
        Assert.Equal(edited, await _bot.Services.GetRequiredService<ReportVersionStore>().OpenAsync(code, version, default));
        Assert.Empty((await _bot.CaseAsync(code)).SeatSignOffs);

        // Pressed again: stored once.
        Assert.Contains("Stored as version 2", PanelBot.Words(await PressAsync(Bea, question, "store")), StringComparison.Ordinal);
        Assert.Equal(2, (await _bot.CaseAsync(code)).ReportVersions.Count);

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
        Assert.False(_logs.Contains("v2.docx"), "A log line repeats the file's name.");
        Assert.True(_logs.Contains($"Report version 2 for {code} stored from a personal chat once its sender confirmed it"), _logs.ToString());
    }

    [Fact]
    public async Task A_docx_when_no_answer_was_given_on_the_current_version_is_stored_at_once()
    {
        var code = await RapidReviewCaseAsync();
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);

        var edited = WithParagraph(draft.Content, "Analysis written by the author.");
        await AttachAsync(Bea, $"Version 2 for {code}", _files!.Put("v2.docx", edited));

        var stored = await _bot!.WaitForPersonalAsync(Bea, "Stored as version 2");
        Assert.Contains($"Stored as version 2 of the report for {code}", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("void", stored, StringComparison.Ordinal);
        Assert.Equal(2, (await _bot.CaseAsync(code)).CurrentReportVersion!.Number);
        Assert.DoesNotContain(_bot.Teams.Calls, c => c.Card?.ToJsonString().Contains(HeldReportVersionCard.Verb, StringComparison.Ordinal) == true);
        Assert.True(_logs.Contains($"Report version 2 for {code} taken from a personal chat"), _logs.ToString());
    }

    [Fact]
    public async Task An_answer_given_while_the_file_is_fetched_is_not_voided_unasked()
    {
        var code = await RapidReviewCaseAsync();
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);
        _files!.WhileServing = () => AnswerAsync(Lola, "sign-off");

        await AttachAsync(Bea, $"Version 2 for {code}", _files.Put("v2.docx", WithParagraph(draft.Content, "Analysis.")));

        var refused = await _bot!.WaitForPersonalAsync(Bea, "Since you attached this file");
        Assert.Contains("Assistant Director for Safeguarding/Quality Assurance: signed off", refused, StringComparison.Ordinal);
        var state = await _bot.CaseAsync(code);
        Assert.Single(state.ReportVersions);
        Assert.True(state.SeatSignOffs["la"].Agrees);
    }

    [Fact]
    public async Task Only_the_person_who_attached_the_file_can_store_it_and_anyone_else_is_refused_and_audited()
    {
        var code = await RapidReviewCaseAsync([.. StatutoryPanel, Chloe]);
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);
        await AnswerAsync(Lola, "sign-off");
        await AttachAsync(Bea, $"Version 2 for {code}", _files!.Put("v2.docx", WithParagraph(draft.Content, "Analysis.")));
        var question = await HeldCardAsync(Bea);

        // The chair may add versions, but did not attach this one.
        var chloe = PanelBot.Words(await PressAsync(Chloe, question, "store"));
        Assert.Contains("Only the person who attached this file can store it", chloe, StringComparison.Ordinal);

        // Someone who may not add versions at all.
        var vic = PanelBot.Words(await PressAsync(Vic, question, "store"));
        Assert.Contains("Only the person who attached this file can store it", vic, StringComparison.Ordinal);

        var audited = await _bot!.Services.GetRequiredService<RefusalAudit>().ListAsync(_bot.Clock.GetUtcNow(), default);
        Assert.Contains(audited, row => row.GetString("Action") == "card:" + HeldReportVersionCard.Verb && row.GetString("ActorName") is "Chloe Fenn");
        Assert.Contains(audited, row => row.GetString("Action") == "card:" + HeldReportVersionCard.Verb && row.GetString("ActorName") is "Vic Torres");
        var state = await _bot.CaseAsync(code);
        Assert.Single(state.ReportVersions);
        Assert.True(state.SeatSignOffs["la"].Agrees);

        // The file is still held for Bea.
        Assert.Contains("Stored as version 2", PanelBot.Words(await PressAsync(Bea, question, "store")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dont_store_leaves_the_version_and_its_sign_offs_and_deletes_the_held_file()
    {
        var code = await RapidReviewCaseAsync();
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);
        await AnswerAsync(Lola, "sign-off");
        var edited = WithParagraph(draft.Content, "The wrong draft.");
        await AttachAsync(Bea, $"Version 2 for {code}", _files!.Put("v2.docx", edited));
        var question = await HeldCardAsync(Bea);
        var held = _bot!.Services.GetRequiredService<HeldReportVersions>();
        var sha = Convert.ToHexStringLower(SHA256.HashData(edited));
        Assert.NotNull(await held.FindAsync(code, sha, default));

        var answer = PanelBot.Words(await PressAsync(Bea, question, "discard"));
        Assert.Contains("Nothing was stored", answer, StringComparison.Ordinal);
        Assert.Contains("stays at version 1", answer, StringComparison.Ordinal);
        var state = await _bot.CaseAsync(code);
        Assert.Single(state.ReportVersions);
        Assert.True(state.SeatSignOffs["la"].Agrees);
        Assert.Null(await held.FindAsync(code, sha, default));

        // The Store button pressed after that stores nothing.
        Assert.Contains("I no longer hold this file", PanelBot.Words(await PressAsync(Bea, question, "store")), StringComparison.Ordinal);
        Assert.Single((await _bot.CaseAsync(code)).ReportVersions);
    }

    [Fact]
    public async Task A_held_file_nobody_answers_is_deleted_after_seven_days()
    {
        var code = await RapidReviewCaseAsync();
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);
        await AnswerAsync(Lola, "sign-off");
        var edited = WithParagraph(draft.Content, "A draft left waiting.");
        await AttachAsync(Bea, $"Version 2 for {code}", _files!.Put("v2.docx", edited));
        var question = await HeldCardAsync(Bea);
        var sha = Convert.ToHexStringLower(SHA256.HashData(edited));
        var held = _bot!.Services.GetRequiredService<HeldReportVersions>();
        var heldUntil = (await held.FindAsync(code, sha, default))!.HeldUntil;

        await _bot.JumpAndFireTimersAsync(heldUntil.AddMinutes(-1));
        Assert.NotNull(await held.FindAsync(code, sha, default));
        await _bot.JumpAndFireTimersAsync(heldUntil.AddMinutes(1));
        var blobs = _bot.Services.GetRequiredService<TeamsReviewBot.Storage.Files.CaseFileBlobs>();
        var names = _bot.Services.GetRequiredService<TableNames>();
        Assert.Null(await blobs.GetStoredAsync(names.ReportVersionContainer, HeldReportVersions.BlobName(code, sha)));

        Assert.Contains("I no longer hold this file", PanelBot.Words(await PressAsync(Bea, question, "store")), StringComparison.Ordinal);
        var state = await _bot.CaseAsync(code);
        Assert.Single(state.ReportVersions);
        Assert.True(state.SeatSignOffs["la"].Agrees);
    }

    [Fact]
    public async Task A_held_file_is_stored_when_confirmed_after_a_restart()
    {
        var code = await RapidReviewCaseAsync();
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);
        await AnswerAsync(Lola, "sign-off");
        var edited = WithParagraph(draft.Content, "Analysis kept across a restart.");
        await AttachAsync(Bea, $"Version 2 for {code}", _files!.Put("v2.docx", edited));
        var question = await HeldCardAsync(Bea);

        await _bot!.RestartAsync();

        var stored = PanelBot.Words(await PressAsync(Bea, question, "store"));
        Assert.Contains($"Stored as version 2 of the report for {code}", stored, StringComparison.Ordinal);
        Assert.Contains("Sign-offs given on version 1 are void", stored, StringComparison.Ordinal);
        var state = await _bot.CaseAsync(code);
        Assert.Equal(2, state.ReportVersions.Count);
        Assert.Empty(state.SeatSignOffs);
        Assert.Equal(edited, await _bot.Services.GetRequiredService<ReportVersionStore>().OpenAsync(code, state.CurrentReportVersion!, default));
    }

    [Fact]
    public async Task Confirming_after_the_case_moved_on_voids_nothing_the_card_did_not_name()
    {
        var code = await RapidReviewCaseAsync();
        var draft = await FirstVersionAsync(code);
        await SignOffCardsAsync(code);
        await AnswerAsync(Lola, "sign-off");
        await AttachAsync(Bea, $"Version 2 for {code}", _files!.Put("v2.docx", WithParagraph(draft.Content, "Bea's analysis.")));
        var question = await HeldCardAsync(Bea);
        Assert.DoesNotContain("Designated Nurse", PanelBot.Words(question), StringComparison.Ordinal);

        // Health answers on version 1 after the card was sent: confirming would void an answer it did not name.
        await AnswerAsync(Hana, "do-not-sign-off", "The chronology misses the GP's contact.");
        var refused = PanelBot.Words(await PressAsync(Bea, question, "store"));
        Assert.Contains("Since you attached this file, the answers on version 1", refused, StringComparison.Ordinal);
        Assert.Contains("Designated Nurse/Head of Safeguarding – NHS ICB Oldham: did not sign off", refused, StringComparison.Ordinal);
        Assert.Contains("attach it again", refused, StringComparison.Ordinal);
        var state = await _bot!.CaseAsync(code);
        Assert.Single(state.ReportVersions);
        Assert.Equal(2, state.SeatSignOffs.Count);

        // Attached again, the card names both; meanwhile another version arrives by email: still nothing voided by this card.
        await AttachAsync(Bea, $"Version 2 for {code}", _files.Put("v2b.docx", WithParagraph(draft.Content, "Bea's analysis, again.")));
        var second = await HeldCardAsync(Bea, "Designated Nurse");
        var byEmail = draft with { Content = WithParagraph(draft.Content, "The chair's own edit."), };
        byEmail = byEmail with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(byEmail.Content)) };
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(byEmail, ReportVersionSources.Email, Actor.System, "By email.", default);
        var moved = PanelBot.Words(await PressAsync(Bea, second, "store"));
        Assert.Contains("moved on to version 2", moved, StringComparison.Ordinal);
        state = await _bot.CaseAsync(code);
        Assert.Equal((2, ReportVersionSources.Email), (state.CurrentReportVersion!.Number, state.CurrentReportVersion.Source));
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

    private async Task<string> RapidReviewCaseAsync(IReadOnlyList<Person>? people = null)
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", people ?? StatutoryPanel, new Dictionary<string, string?>
        {
            ["Timers:PollInterval"] = "01:00:00",
            ["ChatFiles:ExtraAllowedHosts:0"] = _files!.Authority,
        }, services: s => s.AddSingleton<ILoggerProvider>(_logs));
        foreach (var person in people ?? StatutoryPanel)
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

    /// <summary>The bot's draft, stored as version 1.</summary>
    private async Task<ReportDraft> FirstVersionAsync(string code)
    {
        var draft = (await _bot!.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default))!;
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(draft, ReportVersionSources.Generated, Actor.System, "Draft.", default);
        return draft;
    }

    /// <summary>A business manager sends the sign-off cards for the current version.</summary>
    private async Task SignOffCardsAsync(string code)
    {
        await _bot!.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 1");
    }

    /// <summary>A partner answers on their sign-off card.</summary>
    private async Task AnswerAsync(Person partner, string choice, string comments = "")
    {
        var card = await _bot!.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + partner.TeamsId, StringComparison.Ordinal) && c.Card?.ToJsonString().Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal) == true, $"{partner.Name}'s sign-off card");
        var action = card.Card!["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == choice)!;
        var data = (JsonObject)action["data"]!.DeepClone();
        data["comments"] = comments;
        var response = await _bot.InvokeAsync(partner, "sign-off", data, conversationId: "a:chat-" + partner.TeamsId);
        Assert.DoesNotContain("error", response.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The latest question card about a held file sent to <paramref name="person"/> (naming <paramref name="naming"/>, when given).</summary>
    private async Task<JsonNode> HeldCardAsync(Person person, string? naming = null)
    {
        var call = await _bot!.Teams.WaitForCallAsync(
            c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal)
                && c.Card?.ToJsonString().Contains(HeldReportVersionCard.Verb, StringComparison.Ordinal) == true
                && (naming is null || PanelBot.Words(c.Card).Contains(naming, StringComparison.Ordinal)),
            $"the question about a held file to {person.Name}");
        return call.Card!;
    }

    /// <summary>Presses a button of the question card, in the chat of the person it was sent to; returns the invoke's answer.</summary>
    private async Task<JsonObject> PressAsync(Person presser, JsonNode question, string choice)
    {
        var action = question["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == choice)!;
        return await _bot!.InvokeAsync(presser, HeldReportVersionCard.Verb, (JsonObject)action["data"]!, conversationId: "a:chat-" + Bea.TeamsId);
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
