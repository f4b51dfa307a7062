using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Process.Export;
using TeamsReviewBot.Tests.Workflows.Report;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Export;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Export;

/// <summary>
/// "export ‹case›" through /api/messages on an Oldham case the panel decided: the audit trail comes
/// by email from the partnership mailbox as a DOCX (no validation error) and a CSV with one row per
/// event on the case, the export itself the last; the child's details only in a business manager's
/// document; anyone the partnership does not list is refused and audited.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ExportAuditTrailTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BeaEmail = "bea.manning@oscp.example.gov.uk";
    private const string LolaEmail = "lola.adeyemi@oldham.example.gov.uk";
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"open\") Police investigation opened.";
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Partnership:People:0:Email"] = BeaEmail,
            ["Partnership:People:1:Email"] = LolaEmail,
            ["Timers:PollInterval"] = "01:00:00",
        });
        await _bot.PersonalInstallAsync(Bea);
        await _bot.PersonalInstallAsync(Lola);
        await _bot.PersonalInstallAsync(Vic);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_business_manager_gets_every_event_as_csv_and_docx_with_the_childs_details_and_the_export_is_on_the_trail()
    {
        var code = await DecidedCaseAsync();
        _bot.Clock.JumpTo(_bot.Clock.GetUtcNow().AddHours(1));

        await _bot.SayAsync(Bea, "export " + code);
        var answer = await _bot.WaitForPersonalAsync(Bea, "emailed the audit trail");
        var mail = await _bot.WaitForSentMailAsync($"Rapid Review {code}: audit trail");

        Assert.Equal(BeaEmail, mail.GetProperty("to")[0].GetString());
        var stream = await TrailUpToTheExportAsync(code);
        var exported = CaseJson.Read<AuditTrailExported>(stream[^1].Data);
        Assert.Equal((Bea.Name, Roles.BusinessManager, true), (exported.Actor.Name, exported.Actor.Role, exported.ChildDetailsIncluded));
        Assert.Contains($"({stream.Count} events, this export the last)", answer, StringComparison.Ordinal);

        var (docx, csv) = Attachments(mail, code);
        RoundTrips(stream, csv);
        var rows = CsvText.Read(csv);
        // The panel's votes: who voted and the rationale they gave, the formula defused.
        Assert.Contains(rows, r => r[1] == CaseEventTypes.VoteCast && r[4] == Lola.Name && r[8] == "Injuries inconsistent with the explanation.");
        Assert.Contains(rows, r => r[1] == CaseEventTypes.VoteCast && r[4] == Pat.Name && r[8] == "'" + Formula);
        Assert.Contains(rows, r => r[1] == CaseEventTypes.AuditTrailExported && r[4] == Bea.Name && r[7].Contains("with the child's details", StringComparison.Ordinal));

        var errors = DraftReportTests.ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(stream.Count, TableRows(docx) - 1);
        var text = DraftReportTests.Paragraphs(docx);
        Assert.Contains($"Child's name: {PanelBot.ChildName}", text);
        Assert.Contains($"Address: {PanelBot.ChildAddress}", text);

        // The child's details went into Bea's document only: not the CSV, the mail, the chat or the channel.
        var csvText = System.Text.Encoding.UTF8.GetString(csv);
        foreach (var detail in new[] { PanelBot.ChildName, PanelBot.ChildAddress })
        {
            Assert.DoesNotContain(detail, csvText, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, mail.GetProperty("subject").GetString()!, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, mail.GetProperty("body").GetString()!, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, _bot.ChannelTraffic(), StringComparison.Ordinal);
        }

        // The delivery's fallback timer was cleared once the mail went: nothing is sent twice.
        Assert.Null(await _bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(AuditTrailMailer.TimerId(code, exported.ExportId), CancellationToken.None));
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(5));
        Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString() == $"Rapid Review {code}: audit trail");
    }

    [Fact]
    public async Task A_panel_member_gets_the_trail_without_the_childs_details_and_a_visitor_is_refused_and_audited()
    {
        var code = await DecidedCaseAsync();

        await _bot.SayAsync(Lola, "export " + code);
        var answer = await _bot.WaitForPersonalAsync(Lola, "emailed the audit trail");
        Assert.Contains("only a business manager's copy holds them", answer, StringComparison.Ordinal);
        var mail = await _bot.WaitForSentMailAsync($"Rapid Review {code}: audit trail");
        Assert.Equal(LolaEmail, mail.GetProperty("to")[0].GetString());

        var stream = await TrailUpToTheExportAsync(code);
        var exported = CaseJson.Read<AuditTrailExported>(stream[^1].Data);
        Assert.Equal((Lola.Name, false), (exported.Actor.Name, exported.ChildDetailsIncluded));
        var (docx, csv) = Attachments(mail, code);
        RoundTrips(stream, csv);
        var text = string.Join("\n", DraftReportTests.Paragraphs(docx));
        Assert.DoesNotContain(PanelBot.ChildName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, text, StringComparison.Ordinal);
        Assert.Contains("The child's details are left out of this copy", text, StringComparison.Ordinal);

        await _bot.SayAsync(Vic, "export " + code);
        await _bot.WaitForPersonalAsync(Vic, "Only the partnership's business managers and panel members can export");
        var refusals = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(_bot.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Single(refusals, r => r.GetString("Action") == "command:export" && r.GetString("ActorAadObjectId") == Vic.AadObjectId);

        await _bot.SayAsync(Bea, "export yesterday's case");
        await _bot.WaitForPersonalAsync(Bea, "Please type: export ‹case code›, for example: export RR-OLD-2026-0007. Nothing was sent.");
        await _bot.SayAsync(Bea, "export RR-OLD-2026-9999");
        await _bot.WaitForPersonalAsync(Bea, "I can't find case RR-OLD-2026-9999");
        Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains("audit trail", StringComparison.Ordinal));
        Assert.Single(await _bot.StreamAsync(code), e => e.Type == CaseEventTypes.AuditTrailExported);
    }

    [Fact]
    public async Task An_export_recorded_just_before_a_crash_is_still_emailed_once_by_its_delivery_timer()
    {
        var code = await DecidedCaseAsync();
        var cases = _bot.Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.CaseService>();
        var mailer = _bot.Services.GetRequiredService<AuditTrailMailer>();
        var bea = new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null);
        var delivery = new AuditTrailDelivery("crashed0001", BeaEmail);

        // What the command does before it sends: the timer, then the export on the case. Then the bot stops.
        await cases.DecideAsync(
            code,
            (state, now) => TeamsReviewBot.Process.Export.ExportRules.Export(state, delivery.ExportId, true, TeamsReviewBot.Workflows.Export.ExportCommand.Delivery, bea, now),
            CancellationToken.None,
            beforeAppend: (_, ct) => mailer.ScheduleAsync(code, delivery, ct));
        await _bot.RestartAsync();

        Assert.DoesNotContain(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString() == $"Rapid Review {code}: audit trail");
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow() + AuditTrailMailer.Fallback + TimeSpan.FromSeconds(1));
        var mail = await _bot.WaitForSentMailAsync($"Rapid Review {code}: audit trail");
        Assert.Equal(BeaEmail, mail.GetProperty("to")[0].GetString());
        RoundTrips(await TrailUpToTheExportAsync(code), Attachments(mail, code).Csv);

        // A second firing (at least once) finds the message sent and sends nothing more.
        await _bot.Services.GetRequiredService<AuditTrailMailer>().HandleAsync(
            new DurableTimer(AuditTrailMailer.TimerId(code, delivery.ExportId), AuditTrailMailer.TimerKind, code, _bot.Clock.GetUtcNow(), System.Text.Json.JsonSerializer.Serialize(delivery)),
            CancellationToken.None);
        Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString() == $"Rapid Review {code}: audit trail");
    }

    /// <summary>The CSV has a header and one row per event of the stream, in order, each with its
    /// sequence, type, time (UTC, to the second) and someone who did it.</summary>
    private static void RoundTrips(IReadOnlyList<TeamsReviewBot.Process.Streams.StoredEvent> stream, byte[] csv)
    {
        var rows = CsvText.Read(csv);
        Assert.Equal(["sequence", "event_type", "occurred_at_utc", "occurred_at_london", "actor", "actor_role", "actor_partner", "what", "rationale"], rows[0]);
        Assert.Equal(stream.Count, rows.Count - 1);
        foreach (var (e, row) in stream.Zip(rows.Skip(1)))
        {
            Assert.Equal(e.Sequence.ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(e.Type, row[1]);
            Assert.Equal(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), row[2]);
            Assert.False(string.IsNullOrWhiteSpace(row[4]), $"Event {e.Sequence} ({e.Type}) names nobody.");
            Assert.False(string.IsNullOrWhiteSpace(row[7]), $"Event {e.Sequence} ({e.Type}) says nothing.");
            Assert.DoesNotContain("(event ", row[7], StringComparison.Ordinal);
        }
    }

    /// <summary>The case's events up to and including its one export: what the files must hold
    /// (the decision's follow-ups may add events after it).</summary>
    private async Task<IReadOnlyList<TeamsReviewBot.Process.Streams.StoredEvent>> TrailUpToTheExportAsync(string code)
    {
        var stream = await _bot.StreamAsync(code);
        var export = Assert.Single(stream, e => e.Type == CaseEventTypes.AuditTrailExported);
        return [.. stream.Where(e => e.Sequence <= export.Sequence)];
    }

    private static (byte[] Docx, byte[] Csv) Attachments(JsonElement mail, string code)
    {
        var attachments = mail.GetProperty("attachments").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => Convert.FromBase64String(a.GetProperty("contentBytes").GetString()!));
        Assert.Equal([$"{code} - audit trail.csv", $"{code} - audit trail.docx"], attachments.Keys.Order(StringComparer.Ordinal));
        return (attachments[$"{code} - audit trail.docx"], attachments[$"{code} - audit trail.csv"]);
    }

    private static int TableRows(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Count();
    }

    private async Task<string> DecidedCaseAsync()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Injuries inconsistent with the explanation.");
        await _bot.VoteAsync(Pat, code, "rapid-review", Formula);
        await _bot.VoteAsync(Dev, code, "rapid-review", "Health agrees: serious harm.");
        return code;
    }
}
