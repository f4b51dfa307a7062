using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// Takes a case through /api/messages to a Rapid Review, records the agencies' information requests
/// as the request workflow writes them (two returned, one with no records), and then the case's own
/// steps to the submission through the case rules, each at a moment of the bot's clock.
/// </summary>
internal static class AfterwardsCase
{
    public static readonly AgencyContact Nursing = new("School Nursing Service", "health", ["lead@nursing.example.nhs.uk"], []);
    public static readonly AgencyContact Police = new("Police Public Protection", "police", ["ppu@police.example.police.uk"], []);
    public static readonly AgencyContact Housing = new("Housing Services", "housing", ["safeguarding@housing.example.gov.uk"], []);

    public static readonly Actor Manager = new(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null);

    public static async Task<string> RapidReviewAsync(PanelBot bot)
    {
        foreach (var person in StatutoryPanel)
        {
            await bot.PersonalInstallAsync(person);
        }

        var code = await bot.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        Assert.Equal(OutcomeKind.RapidReview, (await bot.CaseAsync(code)).OutcomeKind);
        return code;
    }

    /// <summary>The requests as the request workflow records them: chosen, sent, two returns and a "no records held".</summary>
    public static async Task AgenciesAnsweredAsync(PanelBot bot, string code)
    {
        var caseService = bot.Services.GetRequiredService<CaseService>();
        var now = bot.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var state = await bot.CaseAsync(code);
        await caseService.DecideAsync(code, (s, _) => RequestRules.Choose(s.Requests, new AgenciesChosen(code, state.Partnership, [Nursing, Police, Housing], today, today.AddDays(7), Bea.AadObjectId, Bea.Name, "Chosen by the business manager."), now), CancellationToken.None);
        foreach (var (agency, kind) in new[] { (Nursing, ReplyKind.Return), (Police, ReplyKind.Return), (Housing, ReplyKind.NoRecordsHeld) })
        {
            var sentId = $"<request-{agency.Kind}@example>";
            await caseService.DecideAsync(code, (s, _) => RequestRules.MarkSent(s.Requests, new RequestSent(agency.Name, agency.Leads, new SentMessage(sentId, null, "request", now), "graph-" + agency.Kind, [], today.AddDays(7)), now), CancellationToken.None);
            var attachments = new List<ReplyAttachment>();
            if (kind == ReplyKind.Return)
            {
                // The return as reply intake stores it: its bytes in the return files, named on the reply.
                var stored = ReturnFileId(code, agency);
                await bot.Services.GetRequiredService<ReturnFileStore>().SaveAsync(new StoredFile(stored, "Agency summary.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "summary naming the child"u8.ToArray()));
                attachments.Add(new ReplyAttachment("Agency summary.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 24, true, null, stored));
            }

            await caseService.DecideAsync(code, (s, _) => RequestRules.RecordReply(s.Requests, new ReplyRecorded(agency.Name, $"<reply-{agency.Kind}@example>", null, agency.Leads[0], now, MatchRule.InReplyTo, kind, attachments), now), CancellationToken.None);
        }

        await Do(bot, code, (r, s, n) => r.RequestInformation(s, [Nursing.Name, Police.Name, Housing.Name], Manager, n));
    }

    public static string ReturnFileId(string code, AgencyContact agency) => $"{code}|return-{agency.Kind}";

    /// <summary>The meeting booked, held, its outcome recorded.</summary>
    public static async Task MeetingHeldAsync(PanelBot bot, string code, string reviewRecommended)
    {
        await Do(bot, code, (r, s, n) => r.ScheduleMeeting(s, n.AddHours(2), Manager, n));
        bot.Clock.JumpTo(bot.Clock.GetUtcNow().AddHours(2));
        await Do(bot, code, (r, s, n) => r.HoldMeeting(s, ["local-authority", "police", "health"], Manager, n));
        await Do(bot, code, (r, s, n) => r.RecordMeetingOutcome(s, "Learning on information sharing between school and health.", reviewRecommended, null, Manager, n));
    }

    /// <summary>The report drafted, signed off by the playbook's rule, and submitted.</summary>
    public static async Task SubmittedAsync(PanelBot bot, string code)
    {
        var cases = bot.Services.GetRequiredService<CaseService>();
        var playbook = cases.Playbooks.Get((await bot.CaseAsync(code)).Partnership);
        await Do(bot, code, (r, s, n) => r.DraftReport(s, Manager, n));
        var seats = playbook.SignOff.Seats.Take(playbook.SignOff.Required).ToList();
        if (playbook.SignOff.IndependentEndorsement == "required")
        {
            seats.Add(playbook.SignOff.IndependentSeat!);
        }

        foreach (var seat in seats)
        {
            await Do(bot, code, (r, s, n) => r.RecordSignOff(s, seat, true, false, new Actor("signer-" + seat, "Signer " + seat, Roles.PanelMember, seat), "I agree.", n));
        }

        await Do(bot, code, (r, s, n) => r.Submit(s, Manager, n));
    }

    public static Task<CaseState> Do(PanelBot bot, string code, Func<CaseRules, CaseState, DateTimeOffset, IReadOnlyList<TeamsReviewBot.Process.Streams.NewEvent>> move) =>
        bot.Services.GetRequiredService<CaseService>().ExecuteAsync(code, move, CancellationToken.None);

    public static async Task<List<JsonElement>> SentWithSubjectAsync(PanelBot bot, string subject) =>
        [.. (await bot.Graph.SentAsync(PanelBot.Mailbox)).Where(m => m.GetProperty("subject").GetString()!.Contains(subject, StringComparison.Ordinal))];

    public static string To(JsonElement mail) => mail.GetProperty("to")[0].GetString()!;

    public static string Body(JsonElement mail) => mail.GetProperty("body").GetString()!;
}
