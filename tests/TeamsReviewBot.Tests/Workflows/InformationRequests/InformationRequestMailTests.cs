using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TeamsReviewBot.Documents;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.InformationRequests;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

/// <summary>
/// Oldham over Christmas 2026: the referral arrives Wednesday 23 December (Day 0), the panel decides
/// on Thursday 24 December (Day 1), Friday 25 and Monday 28 December (the substitute Boxing Day) are
/// bank holidays, so requests go out on Tuesday 29 December (Day 2) and are due back on Wednesday
/// 6 January 2027 (Day 7, after New Year's Day).
/// </summary>
[Collection(AzuriteGroup.Name)]
public class InformationRequestMailTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Child = "J.S., born 02/03/2015";

    private static readonly AgencyContact Police = new("Greater Manchester Police", "police", ["ppiu.oldham@gmp.police.uk"], []);
    private static readonly AgencyContact Health = new("Northern Care Alliance", "health", ["safeguarding@nca.nhs.uk"], ["deputy.safeguarding@nca.nhs.uk"]);
    private static readonly AgencyContact School = new("Hathershaw College", "school", ["dsl@hathershaw.oldham.sch.uk"], ["deputy.dsl@hathershaw.oldham.sch.uk"], ["hathershaw.oldham.sch.uk"]);
    private static readonly AgencyContact Housing = new("Oldham Council Housing", "housing", ["housing.safeguarding@oldham.gov.uk"], []);
    private static readonly AgencyContact Probation = new("Probation Service", "probation", ["nw.safeguarding@probation.gov.uk"], []);
    private static readonly AgencyContact Charity = new("Action for Children", "voluntary", ["oldham.safeguarding@actionforchildren.org.uk"], []);

    private static async Task<(RequestWorld World, string Code)> ChosenAsync(AzuriteFixture azurite, params AgencyContact[] agencies)
    {
        var world = await RequestWorld.StartAsync(azurite, London(2026, 12, 23, 8), agencies);
        var code = await world.RapidReviewAsync(London(2026, 12, 23, 10), London(2026, 12, 24, 10));
        await world.RunUntilAsync(London(2026, 12, 24, 11));
        await world.Requests.ChooseAsync(code, [.. agencies.Select(a => a.Name)], Child, "bm-object-id", "Bea Manning", CancellationToken.None);
        return (world, code);
    }

    [Fact]
    public async Task Requests_go_out_at_the_start_of_Day_2_after_the_holidays_with_the_playbooks_forms_attached()
    {
        var (world, code) = await ChosenAsync(azurite, Police, Health);
        await using var _ = world;

        Assert.All((await world.BookAsync(code)).Requests.Values, r => Assert.Equal(RequestStatus.Planned, r.Status));
        await world.RunUntilAsync(London(2026, 12, 29, 8, 59));
        Assert.Empty(await world.SentAsync());

        await world.RunUntilAsync(London(2026, 12, 29, 9, 0));
        var sent = await world.SentAsync();
        Assert.Equal(2, sent.Count);
        var toHealth = Assert.Single(sent, s => s.To.SequenceEqual(Health.Leads));
        Assert.Contains(code, toHealth.Subject, StringComparison.Ordinal);
        Assert.Contains("Northern Care Alliance", toHealth.Subject, StringComparison.Ordinal);
        Assert.Contains("Date: Tuesday 29 December 2026", toHealth.Body, StringComparison.Ordinal);
        Assert.Contains("by Wednesday 6 January 2027", toHealth.Body, StringComparison.Ordinal);
        Assert.Contains(Playbook("oldham").InformationRequests.RecordsSecuringRequest!, toHealth.Body, StringComparison.Ordinal);
        Assert.Contains("Child: " + Child, toHealth.Body, StringComparison.Ordinal);
        Assert.Equal([$"{code} - Single agency summary.docx", $"{code} - Chronology.docx"], toHealth.Attachments.Select(a => a.Name));
        foreach (var (_, contentType, content) in toHealth.Attachments)
        {
            Assert.Equal(AgencyReplies.DocxType, contentType);
            using var doc = WordprocessingDocument.Open(new MemoryStream(content), false);
            Assert.Contains(doc.MainDocumentPart!.Document!.Body!.Elements<Table>(), t => t.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).SequenceEqual(ChronologyColumns.AgencyHeader));
            Assert.Contains("Wednesday 6 January 2027", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }

        var book = await world.BookAsync(code);
        Assert.Equal(new DateOnly(2027, 1, 6), book.Find(Health.Name)!.DueOn);
        Assert.Equal(toHealth.InternetMessageId, Assert.Single(book.Find(Health.Name)!.Messages).InternetMessageId);
        Assert.All(book.Requests.Values, r => Assert.Equal(RequestStatus.Sent, r.Status));
        Assert.Equal(London(2026, 12, 29, 9, 0), (await world.Cases.FindAsync(code, CancellationToken.None))!.RequestedAt);
        Assert.Empty(world.Problems);
    }

    [Fact]
    public async Task The_letters_carry_the_childs_initials_and_date_of_birth_which_the_request_stream_does_not_hold()
    {
        var (world, code) = await ChosenAsync(azurite, Police);
        await using var _ = world;

        // Recorded apart, sealed: the request stream's choice carries no child reference.
        Assert.Null((await world.BookAsync(code)).ChildReference);
        Assert.Equal(Child, await world.Vault.ChildReferenceAsync(code, CancellationToken.None));

        await world.RunUntilAsync(London(2026, 12, 29, 9, 0));
        var letter = Assert.Single(await world.SentAsync());
        Assert.Contains("Child: " + Child, letter.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Child, letter.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agencies_chosen_after_the_send_day_are_sent_to_at_once_by_the_timer_and_choosing_again_sends_nothing_more()
    {
        await using var world = await RequestWorld.StartAsync(azurite, London(2026, 12, 23, 8), Police, School);
        var code = await world.RapidReviewAsync(London(2026, 12, 23, 10), London(2026, 12, 24, 10));
        await world.RunUntilAsync(London(2026, 12, 30, 11));

        var chosen = await world.Requests.ChooseAsync(code, [Police.Name], Child, "bm-object-id", "Bea Manning", CancellationToken.None);
        Assert.Equal(RequestStatus.Planned, chosen.Find(Police.Name)!.Status);
        await world.RunUntilAsync(London(2026, 12, 30, 11));
        await world.Requests.ChooseAsync(code, [Police.Name, School.Name], Child, "bm-object-id", "Bea Manning", CancellationToken.None);
        await world.RunUntilAsync(London(2026, 12, 30, 11, 1));

        var sent = await world.SentAsync();
        Assert.Equal([Police.Leads[0], School.Leads[0]], sent.SelectMany(s => s.To));
        Assert.Contains("by Wednesday 6 January 2027", sent[1].Body, StringComparison.Ordinal);
        Assert.Empty(world.Problems);
    }

    [Fact]
    public async Task Replies_are_matched_however_agencies_answer_and_an_out_of_office_is_not_counted()
    {
        var (world, code) = await ChosenAsync(azurite, Police, Health, School, Housing, Probation, Charity);
        await using var _ = world;
        var sending = System.Diagnostics.Stopwatch.StartNew();
        await world.RunUntilAsync(London(2026, 12, 30, 10));
        output.WriteLine($"Six requests with two forms each sent through the SDK and sandbox in {sending.ElapsedMilliseconds} ms.");
        var sent = await world.SentAsync();
        SentItem RequestTo(AgencyContact agency) => sent.Single(s => s.To.SequenceEqual(agency.Leads));
        byte[] Form(AgencyContact agency, params string[][] rows) => AgencyReplies.FillChronology(RequestTo(agency).Attachments[0].Content, rows);

        // A plain reply: Outlook's Reply keeps In-Reply-To and References.
        var police = RequestTo(Police);
        var timing = System.Diagnostics.Stopwatch.StartNew();
        Assert.Contains("matched by InReplyTo", await world.ReceiveAsync(AgencyReplies.Mail(Police.Leads[0], "RE: " + police.Subject, "Please find our summary attached.", police.InternetMessageId, police.InternetMessageId, null,
            ("GMP summary.docx", Form(Police, ["02/01/2025", "22:15", "Domestic incident at the home", "DASH completed, referral to CSC", "PC 1234"], ["14/12/2026", "", "Welfare check", "No further action", "PCSO"])))), StringComparison.Ordinal);

        output.WriteLine($"A return with a form delivered, read through Graph, matched, screened, stored and recorded in {timing.ElapsedMilliseconds} ms.");

        // The subject edited, sent from webmail that keeps no threading headers.
        Assert.Contains("matched by CaseCodeInSubject", await world.ReceiveAsync(AgencyReplies.Mail(Health.Leads[0], $"NCA return for {code} - summary and chronology", "Attached.", null, null, null,
            ("NCA.docx", Form(Health, ["03/03/2025", "", "A&E attendance, head injury", "Safeguarding referral", "ED nurse"], ["1 December 2026", "10:00", "Health visitor home visit", "", "HV"])))), StringComparison.Ordinal);

        // A colleague at the school answers the request the lead forwarded to them (the directory accepts the school's domain).
        var school = RequestTo(School);
        Assert.Contains("matched by References", await world.ReceiveAsync(AgencyReplies.Mail("j.bloggs@hathershaw.oldham.sch.uk", "RE: FW: " + school.Subject, "Completed form attached on behalf of our DSL.", "<fwd-1@hathershaw.oldham.sch.uk>", $"{school.InternetMessageId} <fwd-1@hathershaw.oldham.sch.uk>", null,
            ("Hathershaw.docx", Form(School, ["05/01/2026", "", "Absent from school for 5 days", "Call home", "Attendance officer"])))), StringComparison.Ordinal);

        // Housing is away: the automatic reply counts for nothing.
        var housing = RequestTo(Housing);
        Assert.Equal("automatic reply, nothing opened", await world.ReceiveAsync(AgencyReplies.Mail(Housing.Leads[0], "Automatic reply: " + housing.Subject, "I am out of the office until Monday. We hold no records of anyone I know.", housing.InternetMessageId, housing.InternetMessageId, [("Auto-Submitted", "auto-replied")])));
        Assert.Equal(RequestStatus.Sent, (await world.BookAsync(code)).Find(Housing.Name)!.Status);

        // Housing, back at work, forwards its answer from a colleague.
        Assert.Contains("matched by CaseCodeInSubject", await world.ReceiveAsync(AgencyReplies.Mail(Housing.Leads[0], "FW: RE: " + housing.Subject, "---------- Forwarded message ----------\nSee our tenancy records attached.", null, null, null,
            ("Housing.docx", Form(Housing, ["20/11/2026", "", "Tenancy warning for noise and damage", "Visit booked", "Housing officer"])))), StringComparison.Ordinal);

        // Probation and the charity say nothing; the chasers go the working day before the deadline.
        await world.RunUntilAsync(London(2027, 1, 5, 9, 0));
        var chasers = (await world.SentAsync()).Where(s => s.Subject.StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
        Assert.Equal([Probation.Leads[0], Charity.Leads[0]], chasers.SelectMany(c => c.To).Order(StringComparer.Ordinal));

        // Probation answers the chaser: no records held.
        var chaser = chasers.Single(c => c.To.Contains(Probation.Leads[0]));
        var probationOutcome = await world.ReceiveAsync(AgencyReplies.Mail(Probation.Leads[0], "RE: " + chaser.Subject, "We have checked our systems: no records held for the child or the adults named.", chaser.InternetMessageId, chaser.InternetMessageId));
        Assert.True(probationOutcome.Contains("matched by InReplyTo", StringComparison.Ordinal), probationOutcome);

        // The charity writes a new email quoting the case code.
        Assert.Contains("matched by CaseCodeInSubject", await world.ReceiveAsync(AgencyReplies.Mail(Charity.Leads[0], $"Rapid Review {code}: Action for Children information", "Our return is attached.", null, null, null,
            ("AfC.docx", Form(Charity, ["10/10/2026", "", "Family support worker allocated", "Weekly visits", "FSW"], ["?5 Jan 2027", "", "Mother missed appointment", "Letter sent", "FSW"])))), StringComparison.Ordinal);

        // Someone else entirely: shown to the business managers, never dropped.
        Assert.StartsWith("shown to business managers", await world.ReceiveAsync(AgencyReplies.Mail("worried.neighbour@gmail.com", "About the family at number 7", "Hello, I wanted to tell someone.")), StringComparison.Ordinal);
        Assert.Single(await world.Review.ListAsync(world.Mailbox));

        var book = await world.BookAsync(code);
        Assert.Equal(MatchRule.InReplyTo, book.Find(Police.Name)!.Replies.Single().Rule);
        Assert.Equal(MatchRule.CaseCodeInSubject, book.Find(Health.Name)!.Replies.Single().Rule);
        Assert.Equal(MatchRule.References, book.Find(School.Name)!.Replies.Single().Rule);
        Assert.Equal(MatchRule.CaseCodeInSubject, book.Find(Housing.Name)!.Replies.Single().Rule);
        Assert.Equal(MatchRule.InReplyTo, book.Find(Probation.Name)!.Replies.Single().Rule);
        Assert.Equal(MatchRule.CaseCodeInSubject, book.Find(Charity.Name)!.Replies.Single().Rule);
        Assert.Equal(RequestStatus.NoRecords, book.Find(Probation.Name)!.Status);
        Assert.All(new[] { Police, Health, School, Housing, Charity }, a => Assert.Equal(RequestStatus.Returned, book.Find(a.Name)!.Status));

        // The last answer closed the requests: the chronologies were merged at once, every row in date order.
        Assert.NotNull(book.Collated);
        var merged = await world.Files.FindAsync(ChronologyCollation.DocumentId(code));
        Assert.Equal(
            [
                "02/01/2025|Greater Manchester Police|Domestic incident at the home",
                "03/03/2025|Northern Care Alliance|A&E attendance, head injury",
                "05/01/2026|Hathershaw College|Absent from school for 5 days",
                "10/10/2026|Action for Children|Family support worker allocated",
                "20/11/2026|Oldham Council Housing|Tenancy warning for noise and damage",
                "01/12/2026|Northern Care Alliance|Health visitor home visit",
                "14/12/2026|Greater Manchester Police|Welfare check",
                "05/01/2027|Action for Children|Mother missed appointment",
            ],
            MergedRows(merged!.Content.ToArray()));
        var collated = Assert.Single(world.Notified.All, n => n.Kind == "chronology-collated");
        Assert.Contains("8 entries from 5 returned documents", collated.Message, StringComparison.Ordinal);
        Assert.NotNull((await world.Cases.FindAsync(code, CancellationToken.None))!.ReturnsCompleteAt);
        Assert.DoesNotContain(world.Notified.All, n => n.Message.Contains("J.S.", StringComparison.Ordinal));
        Assert.Empty(world.Problems);
    }

    [Fact]
    public async Task A_stranger_cannot_file_an_agencys_return_by_quoting_the_case_code_or_replying_in_its_thread()
    {
        var (world, code) = await ChosenAsync(azurite, Police);
        await using var _ = world;
        await world.RunUntilAsync(London(2026, 12, 30, 10));
        var police = Assert.Single(await world.SentAsync());
        var forged = AgencyReplies.FillChronology(police.Attachments[0].Content, ["01/12/2026", "", "Invented event", "", "Nobody"]);

        var byCode = await world.ReceiveAsync(AgencyReplies.Mail("attacker@evil.example", $"Return for {code}", "Our return.", null, null, null, ("return.docx", forged)));
        var byThread = await world.ReceiveAsync(AgencyReplies.Mail("attacker@evil.example", "RE: " + police.Subject, "Our return.", police.InternetMessageId, police.InternetMessageId, null, ("return.docx", forged)));

        Assert.StartsWith("shown to business managers", byCode, StringComparison.Ordinal);
        Assert.StartsWith("shown to business managers", byThread, StringComparison.Ordinal);
        var waiting = await world.Review.ListAsync(world.Mailbox);
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, m => Assert.Equal(code, m.CaseCode));
        Assert.Contains(waiting, m => m.Reason.Contains("not one of Greater Manchester Police's leads or deputies", StringComparison.Ordinal));
        var request = (await world.BookAsync(code)).Find(Police.Name)!;
        Assert.Equal(RequestStatus.Sent, request.Status);
        Assert.Empty(request.Replies);

        // The request is still open, so the agency is still chased.
        await world.RunUntilAsync(London(2027, 1, 5, 9, 0));
        Assert.Single(await world.SentAsync(), s => s.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Notified.All, n => n.Kind == "chronology-collated");
        Assert.Empty(world.Problems);
    }

    [Fact]
    public async Task Chasers_go_the_working_day_before_and_on_the_day_and_the_business_managers_hear_when_it_is_overdue()
    {
        var (world, code) = await ChosenAsync(azurite, Police, School);
        await using var _ = world;
        await world.RunUntilAsync(London(2027, 1, 4, 12));
        var police = (await world.SentAsync()).Single(s => s.To.SequenceEqual(Police.Leads));
        await world.ReceiveAsync(AgencyReplies.Mail(Police.Leads[0], "RE: " + police.Subject, "Attached.", police.InternetMessageId, police.InternetMessageId, null,
            ("GMP.docx", AgencyReplies.FillChronology(police.Attachments[0].Content, ["01/12/2026", "", "Incident", "", "PC"]))));
        async Task<List<SentItem>> ChasersAsync() => [.. (await world.SentAsync()).Where(s => s.Subject.StartsWith("Reminder:", StringComparison.Ordinal))];

        await world.RunUntilAsync(London(2027, 1, 5, 8, 59));
        Assert.Empty(await ChasersAsync());

        await world.RunUntilAsync(London(2027, 1, 5, 9, 0));
        var first = Assert.Single(await ChasersAsync());
        Assert.Equal(School.Addresses, first.To);
        Assert.Contains("due by Wednesday 6 January 2027, the next working day", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("J.S.", first.Body, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Chased, (await world.BookAsync(code)).Find(School.Name)!.Status);

        await world.RunUntilAsync(London(2027, 1, 6, 9, 0));
        var chasers = await ChasersAsync();
        Assert.Equal(2, chasers.Count);
        Assert.Contains("due today, Wednesday 6 January 2027", chasers[1].Body, StringComparison.Ordinal);

        await world.RunUntilAsync(London(2027, 1, 6, 16, 59));
        Assert.DoesNotContain(world.Notified.All, n => n.Kind == "requests-overdue");

        await world.RunUntilAsync(London(2027, 1, 6, 17, 0));
        var overdue = Assert.Single(world.Notified.All, n => n.Kind == "requests-overdue");
        Assert.Equal($"Case {code}: the information requested was due Wednesday 6 January 2027 and has not come back from 1 agency: Hathershaw College. Each was chased the working day before and on the day.", overdue.Message);
        var book = await world.BookAsync(code);
        Assert.Equal(RequestStatus.Overdue, book.Find(School.Name)!.Status);
        Assert.Equal(RequestStatus.Returned, book.Find(Police.Name)!.Status);
        Assert.Equal(2, book.Find(School.Name)!.Chasers);

        Assert.DoesNotContain(world.Notified.All, n => n.Kind == "chronology-collated");
        await world.RunUntilAsync(London(2027, 1, 7, 9, 0));
        Assert.Contains("1 entry from 1 returned document; the collation day has come", Assert.Single(world.Notified.All, n => n.Kind == "chronology-collated").Message, StringComparison.Ordinal);
        Assert.Equal(4, (await world.SentAsync()).Count);
        Assert.Empty(world.Problems);
    }

    private static string[] MergedRows(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
        return [.. table.Elements<TableRow>().Skip(1)
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())
            .Select(c => $"{c[0]}|{c[2]}|{c[3]}")];
    }
}

[Collection(AzuriteGroup.Name)]
public class ReturnCardInThreadTests(AzuriteFixture azurite)
{
    private static readonly AgencyContact Police = new("Greater Manchester Police", "police", ["ppiu.oldham@gmp.police.uk"], []);
    private static readonly AgencyContact School = new("Hathershaw College", "school", ["dsl@hathershaw.oldham.sch.uk"], []);

    [Fact]
    public async Task The_return_card_is_posted_once_in_the_cases_thread_and_edited_as_agencies_answer_without_the_childs_details()
    {
        await using var connector = await FakeConnector.StartAsync(basePath: "");
        await using var world = await RequestWorld.StartAsync(azurite, London(2026, 12, 23, 8), Police, School);
        var code = await world.RapidReviewAsync(London(2026, 12, 23, 10), London(2026, 12, 24, 10));
        const string thread = "19:channel-panel@thread.tacv2;messageid=5001";
        await world.OpenPanelThreadAsync(code, connector.ServiceUrl, thread, "5001");
        await world.RunUntilAsync(London(2026, 12, 24, 11));

        await world.Requests.ChooseAsync(code, [Police.Name, School.Name], "J.S., born 02/03/2015", "bm-object-id", "Bea Manning", CancellationToken.None);
        await world.RunUntilAsync(London(2026, 12, 29, 10));
        var police = (await world.SentAsync()).Single(s => s.To.SequenceEqual(Police.Leads));
        await world.ReceiveAsync(AgencyReplies.Mail(Police.Leads[0], "RE: " + police.Subject, "We hold no records of this family.", police.InternetMessageId, police.InternetMessageId));
        await world.RunUntilAsync(London(2027, 1, 6, 17, 0));

        var calls = connector.Calls.Where(c => c.Path.Contains(Uri.EscapeDataString(thread), StringComparison.Ordinal) || c.Path.Contains(thread, StringComparison.Ordinal)).ToList();
        var post = Assert.Single(calls, c => c.Method == "POST");
        Assert.EndsWith("/activities", post.Path, StringComparison.Ordinal);
        var edits = calls.Where(c => c.Method == "PUT").ToList();
        Assert.True(edits.Count >= 4, $"{edits.Count} edits: sent, answered, chased twice, overdue");
        var last = edits[^1].Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("\"title\":\"Greater Manchester Police\",\"value\":\"no records held (", last, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Hathershaw College\",\"value\":\"was due Wed 6 Jan 2027, chased 2 times\"", last, StringComparison.Ordinal);
        Assert.DoesNotContain(connector.Calls, c => (c.Body?.ToJsonString() ?? string.Empty).Contains("J.S.", StringComparison.Ordinal));
        Assert.NotNull((await world.BookAsync(code)).ReturnCard);
        Assert.Empty(world.Problems);
    }
}
