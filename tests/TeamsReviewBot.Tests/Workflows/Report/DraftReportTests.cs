using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Documents;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Documents;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.Report;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Report;

/// <summary>
/// "report ‹case›" through /api/messages on an Oldham case taken through the panel's vote, the
/// agencies' returns and the meeting: the draft arrives by email from the partnership mailbox,
/// opens without a validation error, and each pre-filled section says what the case holds.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DraftReportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BeaEmail = "bea.manning@oscp.example.gov.uk";
    private const string Learning = "Health visitors did not share the missed appointments with the GP.";
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Partnership:People:0:Email"] = BeaEmail,
            // The test fires the timers itself, so the case changes only when it says.
            ["Timers:PollInterval"] = "01:00:00",
        });
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_draft_report_is_emailed_to_the_business_manager_in_Oldhams_template_filled_from_the_case()
    {
        var code = await CaseThroughTheMeetingAsync();

        await _bot.SayAsync(Bea, "report " + code);
        var answer = await _bot.WaitForPersonalAsync(Bea, "emailed version");
        Assert.Contains(BeaEmail, answer, StringComparison.Ordinal);

        // Oldham's Day 8 draft (version 1) went to Bea on its timer; asked for now, the case has moved on.
        var mail = await _bot.WaitForSentMailAsync($"Rapid Review {code}: draft report, version 2");
        Assert.Equal(BeaEmail, mail.GetProperty("to")[0].GetString());
        var attachment = mail.GetProperty("attachments")[0];
        Assert.Equal($"{code} - Rapid Review report draft.docx", attachment.GetProperty("name").GetString());
        var docx = Convert.FromBase64String(attachment.GetProperty("contentBytes").GetString()!);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)), mail.GetProperty("body").GetString(), StringComparison.Ordinal);

        // The version is stored sealed with the case's key and recorded on the case with its hash.
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx));
        Assert.Contains("version 2", answer, StringComparison.Ordinal);
        var state = await _bot.Services.GetRequiredService<CaseService>().FindAsync(code, default);
        Assert.Equal([1, 2], state!.ReportVersions.Select(v => v.Number));
        var version = state.CurrentReportVersion!;
        Assert.Equal((2, sha, ReportVersionSources.Generated), (version.Number, version.Sha256, version.Source));
        Assert.Equal(docx, await _bot.Services.GetRequiredService<ReportVersionStore>().OpenAsync(code, version, default));

        // Asked again with nothing changed on the case: the same document, the same version.
        await _bot.SayAsync(Bea, "report " + code);
        var answers = await AnswersAsync(2);
        Assert.All(answers, m => Assert.Contains("emailed version 2 ", m, StringComparison.Ordinal));
        Assert.Equal(2, (await _bot.Services.GetRequiredService<CaseService>().FindAsync(code, default))!.ReportVersions.Count);

        var errors = ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = Paragraphs(docx);

        // Header: the child's details are in the document (and only there), the dates from the case.
        var header = Section(text, $"Rapid Review Report – {code}", "1. Contributing Agencies and Family Structure");
        Assert.Contains($"Child's name: {PanelBot.ChildName}", header);
        Assert.Contains("Date of birth: Saturday 14 March 2026", header);
        Assert.Contains("Date of Referral: Monday 23 November 2026, 9 am", header);
        Assert.Contains("Date of Rapid Review Meeting: Monday 7 December 2026, 10 am", header);

        var agencies = Section(text, "1.1a Contributing agencies", "1.1b Agencies that have confirmed no contact");
        Assert.Contains("Children's Social Care", agencies);
        Assert.Contains("returned", agencies);
        Assert.Contains("csc chronology.docx", agencies);
        Assert.Contains("GP Practice", agencies);
        Assert.Contains("to be sent", agencies);
        Assert.Equal(["Northern Care Alliance"], Section(text, "1.1b Agencies that have confirmed no contact", "1.1c Family composition"));

        var referral = Section(text, "2.1a From Case Referral", "2.1b Overview of Agency Summaries/Integrated Chronology");
        Assert.Contains("Referred by: Hollybank Primary School", referral);
        Assert.Contains("Category of incident: Physical abuse", referral);
        Assert.Contains("Age of the child: Under 1", referral);

        var chronology = Section(text, "2.1b Overview of Agency Summaries/Integrated Chronology", "2.2 Case Discussion");
        Assert.Contains("Home visit", chronology);
        Assert.Contains("Strategy discussion", chronology);
        Assert.True(chronology.IndexOf("Home visit") < chronology.IndexOf("Strategy discussion"), "The merged chronology is in date order.");

        Assert.Contains(Learning, Section(text, "2.2d Immediate thoughts/ observations", "2.2e Analysis Tree: Cause and Effect"));
        Assert.Contains("Returns not received: GP Practice (to be sent).", Section(text, "2.4a Gaps in information/organisation representation", "2.4b Decide if the case meets the threshold for a CPR and rationale"));

        var decision = Section(text, "2.4b Decide if the case meets the threshold for a CPR and rationale", "2.4c Panel and review recommendations");
        Assert.Contains("Decision: Progression to Rapid Review", decision);
        Assert.Contains("Lola Adeyemi", decision);
        Assert.Contains("Progression to Rapid Review: Injuries inconsistent with the explanation.", decision);
        Assert.Contains("Progression to Rapid Review: Police investigation opened.", decision);
        Assert.Contains("Dev Shah", decision);
        Assert.Contains("Designated Nurse/Head of Safeguarding – NHS ICB Oldham (as deputy)", decision);

        var recommendations = Section(text, "2.4c Panel and review recommendations", "3. Safeguarding Partners Decision");
        Assert.Contains("Partners present: the local authority; the police; health", recommendations);
        Assert.Contains("Practice review recommended: yes", recommendations);

        var signOff = Section(text, "3. Safeguarding Partners Decision", "Appendix A: Dates and deadlines");
        Assert.Contains("Assistant Director for Safeguarding/Quality Assurance", signOff);
        Assert.Contains("Superintendent/Detective Chief Inspector – GMP", signOff);

        var deadlines = Section(text, "Appendix A: Dates and deadlines", "Appendix B: Actions taken on the case");
        Assert.Contains("Statutory partners' sign-off", deadlines);
        Assert.Contains(text, p => p.Contains("recorded the meeting as held", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith(WordWriter.AuthorPlaceMark, StringComparison.Ordinal));

        // The child's details went into the document only: not the mail, the chat or the channel.
        foreach (var detail in new[] { PanelBot.ChildName, PanelBot.ChildAddress, "14/03/2026", "2026-03-14" })
        {
            Assert.DoesNotContain(detail, mail.GetProperty("subject").GetString()!, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, mail.GetProperty("body").GetString()!, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, _bot.ChannelTraffic(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_statutory_lead_or_a_visitor_is_refused_and_nothing_is_sent()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.PersonalInstallAsync(Lola);
        await _bot.SayAsync(Lola, "report " + code);
        Assert.Contains("Nothing was sent", await _bot.WaitForPersonalAsync(Lola, "Only a business manager or the chair"), StringComparison.Ordinal);

        await _bot.SayAsync(Bea, "report RR-OLD-2026-9999");
        await _bot.WaitForPersonalAsync(Bea, "I can't find case RR-OLD-2026-9999");
        Assert.DoesNotContain(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains("draft report", StringComparison.Ordinal));
    }

    /// <summary>Refer, vote, ask three agencies (one returns its chronology, one has no records, one is
    /// not yet sent), and hold the meeting with its outcome recorded.</summary>
    private async Task<string> CaseThroughTheMeetingAsync()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Injuries inconsistent with the explanation.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await _bot.VoteAsync(Dev, code, "rapid-review", "Health agrees: serious harm.");

        var cases = _bot.Services.GetRequiredService<CaseService>();
        var bea = new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null);
        await cases.ExecuteAsync(code, (rules, s, now) => rules.RequestInformation(s, ["Children's Social Care", "Northern Care Alliance", "GP Practice"], bea, now), default);

        var files = _bot.Services.GetRequiredService<ReturnFileStore>();
        var chronology = ChronologyTests.AgencyReturn(
            ["02/11/2026", "14:00", "Strategy discussion", "Section 47 enquiry", "Social worker"],
            ["14/10/2026", "10:30", "Home visit", "Bruising seen on arm", "Social worker"]);
        await files.SaveAsync(new StoredFile($"{code}|csc-return", "csc chronology.docx", RapidReviewReport.ContentType, chronology));
        var now = _bot.Clock.GetUtcNow();
        AgencyContact Contact(string name) => new(name, "agency", [$"lead@{name.Replace(' ', '-').Replace("'", string.Empty).ToLowerInvariant()}.example"], []);
        await cases.DecideAsync(code, (_, _) =>
        [
            RequestJson.Event(RequestEventTypes.AgenciesChosen, new AgenciesChosen(code, "oldham", [Contact("Children's Social Care"), Contact("Northern Care Alliance"), Contact("GP Practice")], DateOnly.FromDateTime(now.Date), DateOnly.FromDateTime(now.Date.AddDays(7)), Bea.AadObjectId, Bea.Name, "Agencies chosen."), now),
            RequestJson.Event(RequestEventTypes.ReplyRecorded, new ReplyRecorded("Children's Social Care", "<csc@example>", null, "lead@childrens-social-care.example", now, MatchRule.InReplyTo, ReplyKind.Return, [new ReplyAttachment("csc chronology.docx", RapidReviewReport.ContentType, chronology.Length, true, null, $"{code}|csc-return")]), now),
            RequestJson.Event(RequestEventTypes.ReplyRecorded, new ReplyRecorded("Northern Care Alliance", "<nca@example>", null, "lead@northern-care-alliance.example", now, MatchRule.InReplyTo, ReplyKind.NoRecordsHeld, []), now),
        ], default);

        var meetingAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        await cases.ExecuteAsync(code, (rules, s, at) => rules.ScheduleMeeting(s, meetingAt, bea, at), default);
        _bot.Clock.JumpTo(meetingAt.AddHours(2));
        await cases.ExecuteAsync(code, (rules, s, at) => rules.HoldMeeting(s, ["local-authority", "police", "health"], bea, at), default);
        await cases.ExecuteAsync(code, (rules, s, at) => rules.RecordMeetingOutcome(s, Learning, ReviewRecommendations.Yes, "Dr Lead Reviewer", bea, at), default);
        while (await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow()) > 0)
        {
            // Reminders due by now are given before the report is asked for.
        }

        return code;
    }

    /// <summary>Bea's answers from "report", once there are <paramref name="count"/> of them.</summary>
    private async Task<IReadOnlyList<string>> AnswersAsync(int count)
    {
        for (var i = 0; i < 200; i++)
        {
            var answers = _bot.PersonalMessagesTo(Bea).Where(m => m.Contains("emailed version", StringComparison.Ordinal)).ToList();
            if (answers.Count >= count)
            {
                return answers;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Bea never had {count} answers from \"report\".");
    }

    /// <summary>What the Open XML SDK's validator finds wrong, each as its description and where.</summary>
    internal static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} ({e.Path?.XPath})")];
    }

    /// <summary>Every paragraph's text in document order, table cells included.</summary>
    internal static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    /// <summary>The paragraphs after the heading <paramref name="from"/> and before <paramref name="to"/>.</summary>
    internal static List<string> Section(IReadOnlyList<string> paragraphs, string from, string to)
    {
        var start = paragraphs.ToList().IndexOf(from);
        Assert.True(start >= 0, $"The report has no heading \"{from}\".");
        var end = paragraphs.ToList().FindIndex(start + 1, p => p == to);
        Assert.True(end > start, $"The report has no heading \"{to}\" after \"{from}\".");
        return [.. paragraphs.Skip(start + 1).Take(end - start - 1).Where(p => p.Length > 0)];
    }
}
