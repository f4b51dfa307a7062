using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Outlook;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;
using ProcessRoles = TeamsReviewBot.Process.Cases.Roles;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Outlook;

/// <summary>
/// The task pane's API over HTTP on Kestrel, against the Graph sandbox through the real Graph SDK:
/// each action on a real sandbox message, what the bot then says about it, the mail list in Teams,
/// repeats, and a person without the role. The local stack runs in development mode, where the
/// pane names the person in a header (from this machine only).
/// </summary>
public sealed class OutlookActionsTests
{
    private static void People(IDictionary<string, string?> s)
    {
        foreach (var (key, value) in TestIds.People())
        {
            s[key] = value;
        }
    }

    [Fact]
    public async Task An_email_waiting_in_the_mail_list_opens_one_case_from_Outlook_however_often_it_is_clicked()
    {
        await using var local = await LocalIntake.StartAsync(configure: People);
        var mail = await DeliverWaitingAsync(local, "Worried about a child we know", "Please can the partnership look at this family; details to follow by phone.");

        var before = await StateAsync(local, mail, TestIds.AdaAad);
        Assert.Equal("waiting", before.GetProperty("state").GetString());
        Assert.Contains("openCase", before.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        var (status, opened) = await ActAsync(local, mail, "openCase", TestIds.AdaAad, new { referralKind = "referral" });
        Assert.Equal(HttpStatusCode.OK, status);
        var code = opened.GetProperty("mail").GetProperty("caseCode").GetString()!;
        Assert.StartsWith(LocalIntake.CodePrefix + "-", code, StringComparison.Ordinal);
        Assert.Equal("case", opened.GetProperty("mail").GetProperty("state").GetString());
        Assert.False(opened.GetProperty("repeated").GetBoolean());

        var (again, repeat) = await ActAsync(local, mail, "openCase", TestIds.AdaAad, new { referralKind = "referral" });
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(repeat.GetProperty("repeated").GetBoolean());
        Assert.Equal(code, repeat.GetProperty("mail").GetProperty("caseCode").GetString());

        Assert.Equal(code, Assert.Single(await local.CasesAsync()).CaseCode);
        Assert.Empty(await local.ForReviewAsync());
        var acknowledgement = Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
        Assert.Contains(code, acknowledgement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var after = await StateAsync(local, mail, TestIds.AdaAad);
        Assert.Equal("case", after.GetProperty("state").GetString());
        Assert.Contains(code, after.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(after.GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task An_email_linked_to_a_case_is_recorded_on_the_case_once_and_cannot_then_be_set_aside()
    {
        await using var local = await LocalIntake.StartAsync(configure: People);
        var referral = await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);
        var code = Assert.Single(await local.CasesAsync()).CaseCode;
        var referralItem = local.Sandbox.State.Mailbox(local.Mailbox).All().Single(m => m.Json["internetMessageId"]?.GetValue<string>() == referral).Id;

        // Intake opened the case from the referral: the pane shows it, and it cannot open a second one.
        var (twice, refusedTwice) = await ActAsync(local, new SandboxMail(referral, referralItem), "openCase", TestIds.AdaAad, new { });
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Contains($"Case {code} was opened from this email", refusedTwice.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(await local.CasesAsync());

        var mail = await DeliverWaitingAsync(local, "Forwarded: notes from the strategy meeting", "See the notes below.", expected: 2);

        var search = await Client(local, TestIds.AdaAad).GetFromJsonAsync<JsonElement>($"/api/outlook/cases?code={code[^6..]}");
        Assert.Equal(code, Assert.Single(search.EnumerateArray()).GetProperty("caseCode").GetString());

        var (status, linked) = await ActAsync(local, mail, "link", TestIds.AdaAad, new { caseCode = code.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("case", linked.GetProperty("mail").GetProperty("state").GetString());
        var (_, repeat) = await ActAsync(local, mail, "link", TestIds.AdaAad, new { caseCode = code });
        Assert.True(repeat.GetProperty("repeated").GetBoolean());
        Assert.Single(await local.CaseEventsAsync(code), e => e.Type == OutlookMailActions.MailLinkedEvent);

        var (conflict, refused) = await ActAsync(local, mail, "notPart", TestIds.AdaAad, new { });
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Contains($"linked to case {code}", refused.GetProperty("error").GetString(), StringComparison.Ordinal);

        var (missing, none) = await ActAsync(local, await DeliverWaitingAsync(local, "Another one", "Text.", expected: 3), "link", TestIds.AdaAad, new { caseCode = "RR-OLD-1999-999" });
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("There is no case RR-OLD-1999-999", none.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_marked_as_not_part_of_any_case_leaves_the_mail_list_and_says_who_set_it_aside()
    {
        await using var local = await LocalIntake.StartAsync(configure: People);
        var mail = await DeliverWaitingAsync(local, "Newsletter: safeguarding training dates", "Our next courses are in March.");

        var (status, result) = await ActAsync(local, mail, "notPart", TestIds.AdaAad, new { });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("not-part", result.GetProperty("mail").GetProperty("state").GetString());
        Assert.Contains("Ada Lovelace", result.GetProperty("mail").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(await local.ForReviewAsync());
        Assert.Empty(await local.CasesAsync());

        var audit = await local.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var row = Assert.Single(audit, r => r.GetString("Kind") == "Outlook");
        Assert.Equal("outlook:NotPart", row.GetString("Action"));
        Assert.Equal(TestIds.AdaAad, row.GetString("ActorAadObjectId"));
    }

    [Fact]
    public async Task A_police_lead_is_refused_every_action_the_refusal_is_audited_and_nothing_changes()
    {
        await using var local = await LocalIntake.StartAsync(configure: People);
        var mail = await DeliverWaitingAsync(local, "Please review", "Text.");

        var (status, body) = await ActAsync(local, mail, "notPart", TestIds.BobAad, new { });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Only a business manager", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var state = await Client(local, TestIds.BobAad).GetAsync(new Uri($"/api/outlook/mail?internetMessageId={Uri.EscapeDataString(mail.InternetMessageId)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, state.StatusCode);

        Assert.Single(await local.ForReviewAsync());
        var audit = await local.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var refusals = audit.Where(r => r.GetString("Kind") == "Refused" && r.GetString("ActorAadObjectId") == TestIds.BobAad).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, r => r.GetString("Action") == "outlook:NotPart" && r.GetString("Reason")!.Contains("business manager", StringComparison.Ordinal));

        using var nobody = await local.BotClient.GetAsync(new Uri($"/api/outlook/mail?internetMessageId={Uri.EscapeDataString(mail.InternetMessageId)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Fact]
    public async Task The_task_pane_and_Office_js_are_served_by_the_bot()
    {
        await using var local = await LocalIntake.StartAsync(configure: People);
        var page = await local.BotClient.GetStringAsync(new Uri("/outlook/taskpane", UriKind.Relative));
        Assert.Contains("<script src=\"/outlook/office-js/office.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        using var office = await local.BotClient.GetAsync(new Uri("/outlook/office-js/office.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        Assert.Contains("Office", await office.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("convertToRestId", await local.BotClient.GetStringAsync(new Uri("/outlook/taskpane.js", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_reply_no_rule_placed_is_recorded_as_its_return_from_Outlook_and_the_request_changes_once()
    {
        await using var local = await LocalIntake.StartAsync(configure: s =>
        {
            People(s);
            s["Partnership:Agencies:0:Name"] = "Oldham Police";
            s["Partnership:Agencies:0:Kind"] = "police";
            s["Partnership:Agencies:0:Leads"] = "lead@police.example";
        });
        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);
        var code = Assert.Single(await local.CasesAsync()).CaseCode;
        await DecideRapidReviewAsync(local, code);
        await local.Services.GetRequiredService<InformationRequestService>().ChooseAsync(code, ["Oldham Police"], "A.S. 01/02/2019", TestIds.AdaAad, "Ada Lovelace", CancellationToken.None);

        // Sent from a colleague's address with no case code: no rule places it, so it waits for a person.
        var mail = await DeliverWaitingAsync(local, "Your letter", "We hold no records of this child or family.", expected: 2);
        using var ada = Client(local, TestIds.AdaAad);
        var agencies = await ada.GetFromJsonAsync<JsonElement>($"/api/outlook/cases/{code}/agencies");
        Assert.Equal("Planned", Assert.Single(agencies.EnumerateArray()).GetProperty("status").GetString());

        var (wrong, refused) = await ActAsync(local, mail, "recordReturn", TestIds.AdaAad, new { caseCode = code, agency = "Oldham Health" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.Contains("Oldham Police", refused.GetProperty("error").GetString(), StringComparison.Ordinal);

        var (status, recorded) = await ActAsync(local, mail, "recordReturn", TestIds.AdaAad, new { caseCode = code, agency = "oldham police" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("return", recorded.GetProperty("mail").GetProperty("state").GetString());
        Assert.Equal("Oldham Police", recorded.GetProperty("mail").GetProperty("agency").GetString());
        var (_, repeat) = await ActAsync(local, mail, "recordReturn", TestIds.AdaAad, new { caseCode = code, agency = "Oldham Police" });
        Assert.True(repeat.GetProperty("repeated").GetBoolean());

        var book = (await local.Services.GetRequiredService<CaseService>().LoadAsync(code, default)).Requests;
        var request = book.Find("Oldham Police")!;
        Assert.Equal(RequestStatus.NoRecords, request.Status);
        var reply = Assert.Single(request.Replies);
        Assert.Equal(MatchRule.ChosenByPerson, reply.Rule);
        agencies = await ada.GetFromJsonAsync<JsonElement>($"/api/outlook/cases/{code}/agencies");
        Assert.Equal("NoRecords", Assert.Single(agencies.EnumerateArray()).GetProperty("status").GetString());
        Assert.DoesNotContain(await local.ForReviewAsync(), m => m.InternetMessageId == mail.InternetMessageId);
    }

    /// <summary>Has every voting seat choose a Rapid Review (intake put the case to the panel when it opened it).</summary>
    private static async Task DecideRapidReviewAsync(LocalIntake local, string code)
    {
        var cases = local.Services.GetRequiredService<CaseService>();
        foreach (var seat in cases.Playbooks.Get(LocalIntake.Partnership).Seats.Where(s => s.Votes))
        {
            var lead = new ProcessActor("lead-" + seat.Key, "Lead " + seat.Key, ProcessRoles.PanelMember, seat.Partner);
            await cases.ExecuteAsync(code, (r, s, now) => s.Stage == CaseStage.AwaitingDecision ? r.CastVote(s, seat.Key, "rapid-review", "Serious harm.", lead, false, now) : [], CancellationToken.None);
        }
    }

    private sealed record SandboxMail(string InternetMessageId, string ItemId);

    /// <summary>Delivers a message intake cannot place, so it waits in the mail list, and finds its Graph id.</summary>
    private static async Task<SandboxMail> DeliverWaitingAsync(LocalIntake local, string subject, string text, int expected = 1)
    {
        var internetMessageId = await local.DeliverAsync(TestMail.Plain(subject, text, from: "someone@elsewhere.example"));
        await local.SettledAsync(expected);
        Assert.Contains(await local.ForReviewAsync(), m => m.InternetMessageId == internetMessageId);
        var item = local.Sandbox.State.Mailbox(local.Mailbox).All().Single(m => m.Json["internetMessageId"]?.GetValue<string>() == internetMessageId);
        return new SandboxMail(internetMessageId, item.Id);
    }

    private static HttpClient Client(LocalIntake local, string objectId)
    {
        var client = new HttpClient { BaseAddress = local.BotClient.BaseAddress };
        client.DefaultRequestHeaders.Add(OutlookCaller.DevelopmentUserHeader, objectId);
        return client;
    }

    private static async Task<JsonElement> StateAsync(LocalIntake local, SandboxMail mail, string objectId)
    {
        using var client = Client(local, objectId);
        return await client.GetFromJsonAsync<JsonElement>($"/api/outlook/mail?internetMessageId={Uri.EscapeDataString(mail.InternetMessageId)}&itemId={Uri.EscapeDataString(mail.ItemId)}");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ActAsync(LocalIntake local, SandboxMail mail, string action, string objectId, object extra)
    {
        using var client = Client(local, objectId);
        var body = JsonSerializer.SerializeToNode(extra)!.AsObject();
        body["internetMessageId"] = mail.InternetMessageId;
        body["itemId"] = mail.ItemId;
        using var response = await client.PostAsJsonAsync(new Uri($"/api/outlook/mail/{action}", UriKind.Relative), body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
