using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Documents;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

[Collection(AzuriteGroup.Name)]
public class ReplyIntakeTests(AzuriteFixture azurite)
{
    private const string Code = "RR-OLD-2027-0003";
    private static readonly DateTimeOffset Now = new(2027, 1, 11, 10, 0, 0, TimeSpan.Zero);

    private sealed class Rig
    {
        public Rig(AzuriteFixture azurite)
        {
            var tables = azurite.CreateTables();
            Time = new FakeTimeProvider(Now);
            var events = new TableCaseEventStore(tables);
            Cases = new CaseService(new AggregateStore<CaseState>(events, new CaseFold(Catalogue)), events, new CaseIndexStore(tables), new DurableTimerStore(tables, Time), new CaseCodeAllocator(tables), Catalogue, Schedule, new ReminderPlanner(WorkingDays, new ReminderOptions()), Time, NullLogger<CaseService>.Instance);
            Index = new RequestCaseIndex(tables);
            Files = azurite.CreateReturnFiles(tables);
            Intake = new ReplyIntake(Cases, Index, Files, NullLogger<ReplyIntake>.Instance);
            Collation = new ChronologyCollation(Cases, Files, NullLogger<ChronologyCollation>.Instance);
        }

        public FakeTimeProvider Time { get; }

        public CaseService Cases { get; }

        public async Task<RequestBook> BookAsync() => (await Cases.LoadAsync(Code, CancellationToken.None)).Requests;

        public RequestCaseIndex Index { get; }

        public ReturnFileStore Files { get; }

        public ReplyIntake Intake { get; }

        public ChronologyCollation Collation { get; }

        public async Task SentAsync(params (string Agency, string Lead)[] agencies)
        {
            var contacts = agencies.Select(a => new AgencyContact(a.Agency, "other", [a.Lead], [])).ToList();
            var chosen = new AgenciesChosen(Code, "oldham", contacts, new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 18), "bm", "Bea Manning", "test");
            await Cases.OpenReservedAsync(Code, "oldham", CaseRules.Referral, Now, new Actor("bm", "Bea Manning", Roles.BusinessManager, null), "test", CancellationToken.None);
            await Cases.DecideAsync(Code, (s, _) => RequestRules.Choose(s.Requests, chosen, Now), CancellationToken.None);
            foreach (var (agency, lead) in agencies)
            {
                var sent = new RequestSent(agency, [lead], new SentMessage($"<req-{agency.Length}@oscp>", $"conv-{agency}", "request", Now), "graph-" + agency, [], new DateOnly(2027, 1, 18));
                await Cases.DecideAsync(Code, (s, _) => RequestRules.MarkSent(s.Requests, sent, Now), CancellationToken.None);
            }

            await Index.OpenAsync(Code);
        }
    }

    private static AgencyMail Mail(string subject, string from, string body = "", string? inReplyTo = null, Dictionary<string, string>? headers = null, params AgencyMailAttachment[] attachments)
    {
        var all = new Dictionary<string, string>(headers ?? [], StringComparer.OrdinalIgnoreCase);
        if (inReplyTo is not null)
        {
            all["In-Reply-To"] = inReplyTo;
        }

        return new AgencyMail("g-" + Guid.NewGuid().ToString("N"), $"<{Guid.NewGuid():N}@agency>", subject, from, Now, body, all, null, attachments);
    }

    private static AgencyMailAttachment Docx(string name, byte[] bytes) =>
        new(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes.Length, true, bytes);

    [Fact]
    public async Task A_return_with_a_Word_document_closes_the_request_and_keeps_the_file()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Northern Care Alliance", "safeguarding@nca.nhs.uk"), ("Greater Manchester Police", "ppiu@gmp.police.uk"));
        var docx = ChronologyTests.AgencyReturn(["14/01/2027", "", "Home visit", "", "HV"]);

        var outcome = await rig.Intake.TakeAsync(Mail("RE: request " + Code, "safeguarding@nca.nhs.uk", "Please find attached.", "<req-22@oscp>", null, Docx("summary.docx", docx), new AgencyMailAttachment("photo.jpg", "image/jpeg", 10, true, new byte[10])), default);

        var recorded = Assert.IsType<ReplyOutcome.Recorded>(outcome);
        Assert.Equal(ReplyKind.Return, recorded.Kind);
        Assert.Equal(MatchRule.InReplyTo, recorded.Rule);
        Assert.Equal(RequestStatus.Returned, recorded.Book.Find("Northern Care Alliance")!.Status);
        Assert.Equal(RequestStatus.Sent, recorded.Book.Find("Greater Manchester Police")!.Status);
        var refused = Assert.Single(recorded.Attachments, a => !a.Accepted);
        Assert.Contains("not a Word (.docx), PDF or Excel (.xlsx) file", refused.RefusedBecause, StringComparison.Ordinal);
        var kept = Assert.Single(recorded.Attachments, a => a.Accepted);
        Assert.Equal(docx, (await rig.Files.FindAsync(kept.StoredAs!))!.Content.ToArray());
    }

    [Fact]
    public async Task An_out_of_office_reply_is_recorded_but_not_counted()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Greater Manchester Police", "ppiu@gmp.police.uk"));

        var outcome = await rig.Intake.TakeAsync(Mail("Automatic reply: request " + Code, "ppiu@gmp.police.uk", "I am out of the office. No records held here.", headers: new() { ["Auto-Submitted"] = "auto-replied" }), default);

        var recorded = Assert.IsType<ReplyOutcome.Recorded>(outcome);
        Assert.Equal(ReplyKind.Automatic, recorded.Kind);
        Assert.Equal(RequestStatus.Sent, recorded.Book.Find("Greater Manchester Police")!.Status);
    }

    [Fact]
    public async Task A_no_records_reply_closes_the_request_as_no_records()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Hathershaw College", "dsl@hathershaw.sch.uk"));

        var outcome = await rig.Intake.TakeAsync(Mail("RE: " + Code, "dsl@hathershaw.sch.uk", "The child and family are not known to our service."), default);

        Assert.Equal(RequestStatus.NoRecords, Assert.IsType<ReplyOutcome.Recorded>(outcome).Book.Find("Hathershaw College")!.Status);
    }

    [Fact]
    public async Task A_redelivered_reply_is_recorded_once()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Hathershaw College", "dsl@hathershaw.sch.uk"));
        var mail = Mail("RE: " + Code, "dsl@hathershaw.sch.uk", "Nil return.");

        await rig.Intake.TakeAsync(mail, default);
        var again = await rig.Intake.TakeAsync(mail, default);

        Assert.IsType<ReplyOutcome.AlreadyRecorded>(again);
        Assert.Single((await rig.BookAsync()).Find("Hathershaw College")!.Replies);
    }

    [Fact]
    public async Task A_reply_nothing_places_is_reported_unmatched_with_why()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Hathershaw College", "dsl@hathershaw.sch.uk"), ("Greater Manchester Police", "ppiu@gmp.police.uk"));
        var mail = Mail("Question about a child", "someone@unknown.example", "Hello");

        var outcome = await rig.Intake.TakeAsync(mail, default);

        Assert.Equal("no rule matched", Assert.IsType<ReplyOutcome.Unmatched>(outcome).Why);
        Assert.All((await rig.BookAsync()).Requests.Values, r => Assert.Empty(r.Replies));
    }

    [Fact]
    public async Task Collation_merges_every_returned_row_in_date_order_and_names_what_it_could_not_read()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Northern Care Alliance", "safeguarding@nca.nhs.uk"), ("Greater Manchester Police", "ppiu@gmp.police.uk"));
        await rig.Intake.TakeAsync(Mail("RE: " + Code, "safeguarding@nca.nhs.uk", attachments: Docx("nca.docx", ChronologyTests.AgencyReturn(["02/01/2027", "", "Health visit", "", "HV"], ["12/12/2026", "", "A&E", "", "Nurse"]))), default);
        await rig.Intake.TakeAsync(Mail("RE: " + Code, "ppiu@gmp.police.uk", attachments: Docx("gmp.docx", ChronologyTests.AgencyReturn(["20/12/2026", "", "Incident", "", "PC"]))), default);

        var result = await rig.Collation.CollateAsync(Code, "Oldham Safeguarding Children Partnership", new DateOnly(2027, 1, 18), "all returned", default);

        Assert.Equal(3, result.Rows);
        Assert.Equal(2, result.Returns);
        Assert.Empty(result.Unread);
        var rows = ChronologyReaderRows(result.Document.Content.ToArray());
        Assert.Equal(["12/12/2026|Northern Care Alliance|A&E", "20/12/2026|Greater Manchester Police|Incident", "02/01/2027|Northern Care Alliance|Health visit"], rows);
        Assert.Equal(3, (await rig.BookAsync()).Collated!.Rows);
    }

    [Fact]
    public async Task A_zip_bomb_returned_as_a_Word_document_is_refused_before_it_is_unpacked_and_not_kept()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Northern Care Alliance", "safeguarding@nca.nhs.uk"));
        var bomb = WithPart(ChronologyTests.AgencyReturn(["02/01/2027", "", "Health visit", "", "HV"]), "word/media/padding.bin", new byte[64 * 1024 * 1024]);

        var outcome = await rig.Intake.TakeAsync(Mail("RE: " + Code, "safeguarding@nca.nhs.uk", "Attached.", attachments: Docx("nca.docx", bomb)), default);

        var attachment = Assert.Single(Assert.IsType<ReplyOutcome.Recorded>(outcome).Attachments);
        Assert.False(attachment.Accepted);
        Assert.Contains("zip bomb", attachment.RefusedBecause, StringComparison.Ordinal);
        Assert.Null(attachment.StoredAs);
        Assert.NotEqual(RequestStatus.Returned, Assert.IsType<ReplyOutcome.Recorded>(outcome).Book.Find("Northern Care Alliance")!.Status);
    }

    [Fact]
    public async Task A_return_with_broken_XML_is_set_aside_with_a_reason_and_collation_goes_on_with_the_rest()
    {
        var rig = new Rig(azurite);
        await rig.SentAsync(("Northern Care Alliance", "safeguarding@nca.nhs.uk"), ("Greater Manchester Police", "ppiu@gmp.police.uk"));
        var broken = WithPart(ChronologyTests.AgencyReturn(["20/12/2026", "", "Incident", "", "PC"]), "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl><w:tr>"u8.ToArray());
        await rig.Intake.TakeAsync(Mail("RE: " + Code, "safeguarding@nca.nhs.uk", attachments: Docx("nca.docx", ChronologyTests.AgencyReturn(["02/01/2027", "", "Health visit", "", "HV"]))), default);
        await rig.Intake.TakeAsync(Mail("RE: " + Code, "ppiu@gmp.police.uk", attachments: Docx("gmp.docx", broken)), default);

        var result = await rig.Collation.CollateAsync(Code, "Oldham Safeguarding Children Partnership", new DateOnly(2027, 1, 18), "all returned", default);

        Assert.Equal(1, result.Rows);
        Assert.Equal(1, result.Returns);
        Assert.Equal("Greater Manchester Police: gmp.docx (The file is not a Word document that can be read.)", Assert.Single(result.Unread));
        Assert.NotNull((await rig.BookAsync()).Collated);
    }

    /// <summary>The DOCX with one part added or replaced, as a tampered or damaged file would be.</summary>
    private static byte[] WithPart(byte[] docx, string part, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)?.Delete();
            using var entry = zip.CreateEntry(part, System.IO.Compression.CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    private static string[] ChronologyReaderRows(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        return [.. table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1)
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray())
            .Select(c => $"{c[0]}|{c[2]}|{c[3]}")];
    }
}
