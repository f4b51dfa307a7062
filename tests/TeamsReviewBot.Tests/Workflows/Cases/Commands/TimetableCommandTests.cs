using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Tests.Workflows.Cases.Commands;

/// <summary>The "timetable" chat command through the whole bot: a Teams message over HTTP in, the reply to the connector out.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TimetableCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ChatBot _bot = null!;

    // Bea, whom ChatBot's messages come from, is a business manager: a case's timetable is for listed people.
    public async Task InitializeAsync() => _bot = await ChatBot.StartAsync(azurite, new Dictionary<string, string?>
    {
        ["Partnership:People:0:AadObjectId"] = "44444444-4444-4444-4444-444444444444",
        ["Partnership:People:0:Name"] = "Bea Manager",
        ["Partnership:People:0:Role"] = "BusinessManager",
        ["Partnership:People:0:TenantId"] = ChatBot.Tenant,
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_partnership_and_a_date_get_every_deadline_as_a_card_and_as_text()
    {
        var reply = await AskAsync("timetable oldham 21/12/2026 10:00");

        var card = reply["attachments"]![0]!["content"]!;
        var facts = card["body"]![2]!["facts"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
        Assert.Contains(("Day 15 · Report sent to the National Panel", "Thursday 14 January 2027, 4 pm"), facts);
        Assert.Contains(("Day 13–14 · Statutory partners' sign-off", "from Tuesday 12 January 2027 to Wednesday 13 January 2027, 4 pm"), facts);
        Assert.Contains(("Day 1 · Virtual Panel threshold decision", "Tuesday 22 December 2026, end of day"), facts);
        Assert.Contains("Day 0 on Monday 21 December 2026", card["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("- Day 7: Agency summaries returned — Monday 4 January 2027, end of day", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_shows_its_first_and_last_day()
    {
        var reply = await AskAsync("timetable oldham 2026-12-21 10:00");

        var facts = reply["attachments"]![0]!["content"]!["body"]![2]!["facts"]!.AsArray();
        var meeting = facts.Single(f => f!["title"]!.GetValue<string>().EndsWith("Rapid Review meeting", StringComparison.Ordinal))!;
        Assert.Equal("Day 10–11 · Rapid Review meeting", meeting["title"]!.GetValue<string>());
        Assert.Equal("from Thursday 7 January 2027 to Friday 8 January 2027, end of day", meeting["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gloucestershire_deadlines_are_named_by_the_working_days_of_its_own_timetable()
    {
        // seed-004 L125–L134: "Working Days (From Notification …)": "1-to 2" begins with the notification,
        // the panel on the "8th working day", submission "14 – 15". Thursday 25 March 2027 is working day 1;
        // Good Friday and Easter Monday are not working days.
        var reply = await AskAsync("timetable gloucestershire 25/03/2027 10:00");

        var card = reply["attachments"]![0]!["content"]!;
        var facts = card["body"]![2]!["facts"]!.AsArray().Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
        Assert.Contains(("Working days 1–2 · Statutory partners consider the threshold", "from Thursday 25 March 2027 to Tuesday 30 March 2027, end of day"), facts);
        Assert.Contains(("Working day 8 · Rapid Review Panel", "Wednesday 7 April 2027, end of day"), facts);
        Assert.Contains(("Working days 14–15 · Rapid Review report submitted to the National Panel", "from Thursday 15 April 2027 to Friday 16 April 2027, end of day"), facts);
        Assert.DoesNotContain(facts, f => f.Item1.StartsWith("Day ", StringComparison.Ordinal));
        Assert.Contains("working day 1 on Thursday 25 March 2027", card["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("- Working days 3–5: Agency summary reports returned (including 'No Records') — from Wednesday 31 March 2027 to Friday 2 April 2027, end of day", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_partnership_is_answered_with_the_ones_known()
    {
        var reply = await AskAsync("timetable narnia 2027-01-04");

        Assert.Equal("I don't know the partnership 'narnia'. I know: gloucestershire, oldham, salford, tameside, west-midlands.", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_answered_with_how_to_write_it()
    {
        var reply = await AskAsync("timetable tameside 31/02/2027");

        Assert.StartsWith("I can't read '31/02/2027' as a date and time.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_case_code_is_answered_plainly()
    {
        var reply = await AskAsync("timetable RR-OLD-2026-0099");

        Assert.Equal("I can't find case RR-OLD-2026-0099. Check the code; it looks like RR-OLD-2026-0007.", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_case_code_shows_what_is_done_due_and_overdue()
    {
        var service = _bot.Services.GetRequiredService<CaseService>();
        var manager = new Actor("44444444-4444-4444-4444-444444444444", "Bea Manager", Roles.BusinessManager, "partnership business unit");
        // Two weeks ago: Day 2 has passed whatever holidays fell since, Day 15 has not.
        var received = DateTimeOffset.UtcNow.AddDays(-14);
        var opened = await service.OpenAsync("gloucestershire", CaseRules.SeriousIncidentNotification, received, manager, "Serious Incident Notification from the local authority.", CancellationToken.None);

        var reply = await AskAsync("timetable " + opened.CaseCode.ToLowerInvariant());

        Assert.True(reply["attachments"] is not null, reply["text"]?.GetValue<string>());
        var facts = reply["attachments"]![0]!["content"]!["body"]![2]!["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Contains(" — done ", facts.Single(f => f.Key.EndsWith("Statutory partners consider the threshold", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.EndsWith(" — overdue", facts.Single(f => f.Key.EndsWith("Rapid Review notification and information request (Appendix 2) sent", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.EndsWith(" — due", facts.Single(f => f.Key.EndsWith("Rapid Review report submitted to the National Panel", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Contains("Timetable: case " + opened.CaseCode, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("The case is going to Rapid Review.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_timetable_command()
    {
        var reply = await AskAsync("help");

        var titles = reply["attachments"]![0]!["content"]!["body"]!.AsArray().Where(b => b!["facts"] is not null).SelectMany(b => b!["facts"]!.AsArray()).Select(f => f!["title"]!.GetValue<string>());
        Assert.Contains("timetable ‹partnership› [‹Day 0 date and time›] | timetable ‹case code›", titles);
    }

    private Task<JsonNode> AskAsync(string text) => _bot.AskAsync(text);
}
