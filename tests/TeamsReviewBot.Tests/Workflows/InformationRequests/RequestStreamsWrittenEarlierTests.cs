using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

/// <summary>
/// A case whose requests the previous version wrote on their own "{case code}.requests" stream, with
/// that version's own fold and rules, then the bot restarted on the same storage: the requests are on
/// the case now, with their original times, and returns, chasers and the requests card carry on.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class RequestStreamsWrittenEarlierTests(AzuriteFixture azurite)
{
    private static readonly AgencyContact Police = new("Greater Manchester Police", "police", ["public-protection@gmp.example"], []);
    private static readonly AgencyContact School = new("Hathershaw College", "school", ["dsl@hathershaw.example"], ["deputy@hathershaw.example"]);

    [Fact]
    public async Task Requests_written_on_their_own_stream_still_show_return_chase_and_card_after_a_restart()
    {
        var prefix = AzuriteFixture.NewPrefix();
        string code;
        DateTimeOffset sentAt;
        var connector = await FakeConnector.StartAsync();
        await using (var before = new BotApplicationFactory(azurite, TestIds.People(), prefix))
        {
            before.StartServer();
            sentAt = before.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-3);
            code = await RapidReviewAsync(before.Services.GetRequiredService<CaseService>(), sentAt.AddDays(-2));
            await WriteAsThePreviousVersionDidAsync(before.Services, code, sentAt);
        }

        await using var after = new BotApplicationFactory(azurite, TestIds.People(), prefix);
        using var client = after.CreateClient();
        var cases = after.Services.GetRequiredService<CaseService>();
        var book = (await cases.LoadAsync(code, default)).Requests;

        // Where each agency stood, and when: copied with the times they happened.
        Assert.Equal(RequestStatus.Returned, book.Find(Police.Name)!.Status);
        Assert.Equal(RequestStatus.Chased, book.Find(School.Name)!.Status);
        Assert.Equal(1, book.Find(School.Name)!.Chasers);
        Assert.Equal(sentAt, book.Find(School.Name)!.SentAt);
        Assert.Equal("thread-1", book.ReturnCard!.ThreadId);

        // The chaser the old stream recorded is done; the next one (on the day) still goes to the silent school only.
        Assert.False(RequestRules.NeedsChaser(book, School.Name, $"{code}:requests:chase-before"));
        Assert.True(RequestRules.NeedsChaser(book, School.Name, $"{code}:requests:chase-due"));
        Assert.False(RequestRules.NeedsChaser(book, Police.Name, $"{code}:requests:chase-due"));

        // The school answers the request the old version sent: placed by its message id, recorded on the case.
        var intake = after.Services.GetRequiredService<ReplyIntake>();
        var answer = new AgencyMail("g-school", "<no-records@hathershaw.example>", $"RE: Information request – {code} – {School.Name}", "dsl@hathershaw.example", sentAt.AddDays(1), "We hold no records of this child or family.", new Dictionary<string, string> { ["In-Reply-To"] = "<request-school@oscp.example>" }, null, []);
        var outcome = Assert.IsType<ReplyOutcome.Recorded>(await intake.TakeAsync(answer, default));
        Assert.Equal((code, School.Name, MatchRule.InReplyTo), (outcome.CaseCode, outcome.Agency, outcome.Rule));
        Assert.Equal(RequestStatus.NoRecords, outcome.Book.Find(School.Name)!.Status);

        // The police return the old version recorded is known: delivered again, it is not recorded twice.
        var again = new AgencyMail("g-police", "<return-police@gmp.example>", $"RE: Information request – {code} – {Police.Name}", "public-protection@gmp.example", sentAt.AddDays(1), "Attached.", new Dictionary<string, string> { ["In-Reply-To"] = "<request-police@oscp.example>" }, null, []);
        Assert.IsType<ReplyOutcome.AlreadyRecorded>(await intake.TakeAsync(again, default));

        // The requests card shows both agencies answered.
        await client.PostAsync(Activities.PersonalInstall(connector.ServiceUrl, Activities.Ada));
        await client.PostAsync(Activities.PersonalMessage(connector.ServiceUrl, Activities.Ada, $"requests {code}"));
        var calls = await connector.WaitForAsync(c => c.Any(x => x.Method == "POST" && x.Path.Contains("/activities", StringComparison.Ordinal) && x.Body!.ToJsonString().Contains("2 of 2", StringComparison.Ordinal)));
        var card = calls.Last(x => x.Method == "POST" && x.Path.Contains("/activities", StringComparison.Ordinal)).Body!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(Police.Name, card, StringComparison.Ordinal);
        Assert.Contains(School.Name, card, StringComparison.Ordinal);

        // Copied once: starting again (the same step) copies nothing more.
        Assert.Equal(0, await after.Services.GetRequiredService<RequestStreamMigration>().RunAsync(default));
        var history = await cases.HistoryAsync(code, default);
        Assert.Single(history, e => e.Type == CaseEventTypes.RequestStreamCopied);
        Assert.Single(history, e => e.Type == RequestEventTypes.AgenciesChosen);

        // The case's story tells the requests in words, as it tells every other event.
        var story = AuditTrail.Render(Playbook("oldham"), history);
        Assert.Contains(story, l => l.EndsWith($"{School.Name} was chased for its information.", StringComparison.Ordinal));
        Assert.Contains(story, l => l.Contains($"{School.Name} replied: no records held", StringComparison.Ordinal));
        Assert.Contains(story, l => l.Contains($"Ada Lovelace chose {Police.Name}, {School.Name} to ask for information", StringComparison.Ordinal));
        await connector.DisposeAsync();
    }

    private static async Task<string> RapidReviewAsync(CaseService cases, DateTimeOffset receivedAt)
    {
        var manager = new Actor(TestIds.AdaAad, "Ada Lovelace", Roles.BusinessManager, "partnership business unit");
        var opened = await cases.OpenAsync("oldham", CaseRules.Referral, receivedAt, manager, "Referral received by email.", default);
        await cases.ExecuteAsync(opened.CaseCode, (r, s, now) => r.PutToPanel(s, manager, now), default);
        foreach (var seat in Playbook("oldham").Seats.Where(s => s.Votes))
        {
            var lead = new Actor("lead-" + seat.Key, "Lead " + seat.Key, Roles.PanelMember, seat.Partner);
            await cases.ExecuteAsync(opened.CaseCode, (r, s, now) => s.Stage == CaseStage.AwaitingDecision ? r.CastVote(s, seat.Key, "rapid-review", "Serious harm.", lead, false, now) : [], default);
        }

        return opened.CaseCode;
    }

    /// <summary>What the previous version's request service appended, through its own store over the requests stream.</summary>
    private static async Task WriteAsThePreviousVersionDidAsync(IServiceProvider services, string code, DateTimeOffset sentAt)
    {
        var books = new AggregateStore<RequestBook>(services.GetRequiredService<ICaseEventStore>(), new RequestBookFold());
        var stream = RequestBook.OldStreamIdFor(code);
        var dueOn = DateOnly.FromDateTime(sentAt.AddDays(7).UtcDateTime);
        var chosen = new AgenciesChosen(code, "oldham", [Police, School], DateOnly.FromDateTime(sentAt.UtcDateTime), dueOn, TestIds.AdaAad, "Ada Lovelace", "chosen by the business manager");
        await books.ExecuteAsync(stream, b => RequestRules.Choose(b, chosen, sentAt.AddHours(-2)));
        foreach (var (agency, id) in new[] { (Police, "<request-police@oscp.example>"), (School, "<request-school@oscp.example>") })
        {
            var sent = new RequestSent(agency.Name, agency.Leads, new SentMessage(id, null, "request", sentAt), "graph-" + agency.Kind, ["form.docx"], dueOn);
            await books.ExecuteAsync(stream, b => RequestRules.MarkSent(b, sent, sentAt));
        }

        await services.GetRequiredService<RequestCaseIndex>().OpenAsync(code);
        var reply = new ReplyRecorded(Police.Name, "<return-police@gmp.example>", "g-police", "public-protection@gmp.example", sentAt.AddDays(1), MatchRule.InReplyTo, ReplyKind.Return, []);
        await books.ExecuteAsync(stream, b => RequestRules.RecordReply(b, reply, sentAt.AddDays(1)));
        var chaser = new ChaserSent(School.Name, $"{code}:requests:chase-before", new SentMessage("<chaser-school@oscp.example>", null, "chaser", sentAt.AddDays(2)));
        await books.ExecuteAsync(stream, b => RequestRules.MarkChased(b, chaser, sentAt.AddDays(2)));
        await books.ExecuteAsync(stream, _ => [RequestJson.Event(RequestEventTypes.ReturnCardPosted, new ReturnCardPosted("thread-1", "message-1"), sentAt)]);
    }
}
