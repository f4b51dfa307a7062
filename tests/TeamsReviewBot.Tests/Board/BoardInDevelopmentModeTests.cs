using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Tests.Board;

/// <summary>
/// The case board on the local stack (development mode, loopback, ?as= names the person), and the
/// "board" command: the whole bot on Kestrel, cases opened through the case service.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BoardInDevelopmentModeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ManagerAad = "50000000-0000-0000-0000-000000000001";
    private const string PoliceAad = "50000000-0000-0000-0000-000000000002";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly Actor Manager = new(ManagerAad, "Bea Manning", Roles.BusinessManager, "partnership business unit");

    private ChatBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBot.StartAsync(azurite, ChatBot.ManagerAndPoliceLead(ManagerAad, PoliceAad));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private CaseService Cases => _bot.Services.GetRequiredService<CaseService>();

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await _bot.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The SVG inside a board page.</summary>
    private static XDocument BoardSvg(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        return XDocument.Parse(html[start..end]);
    }

    [Fact]
    public async Task The_page_draws_every_open_case_for_the_business_manager_and_refreshes_itself()
    {
        var oldham = await Cases.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(-8), Manager, "Referral by email.", CancellationToken.None);
        var salford = await Cases.OpenAsync("salford", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(-1), Manager, "Referral by email.", CancellationToken.None);

        var (status, html) = await GetAsync($"/board?as={ManagerAad}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"60\">", html, StringComparison.Ordinal);
        var rows = BoardSvg(html).Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "case-row").Select(g => (string)g.Attribute("data-case")!).ToList();
        Assert.Equal([oldham.CaseCode, salford.CaseCode], rows);
        Assert.Contains($"href=\"/board/case/{oldham.CaseCode}?as={ManagerAad}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filters_narrow_the_board_by_partnership_stage_and_what_needs_me()
    {
        var overdue = await Cases.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(-20), Manager, "Referral by email.", CancellationToken.None);
        var atPanel = await Cases.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(14), Manager, "Referral by email.", CancellationToken.None);
        await Cases.ExecuteAsync(atPanel.CaseCode, (rules, state, now) => rules.PutToPanel(state, Manager, now), CancellationToken.None);
        var salford = await Cases.OpenAsync("salford", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(14), Manager, "Referral by email.", CancellationToken.None);

        static List<string> Rows(string html) => [.. BoardSvg(html).Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "case-row").Select(g => (string)g.Attribute("data-case")!).Order()];

        Assert.Equal([salford.CaseCode], Rows((await GetAsync($"/board?as={ManagerAad}&partnership=salford")).Html));
        Assert.Equal([atPanel.CaseCode], Rows((await GetAsync($"/board?as={ManagerAad}&stage=AwaitingDecision")).Html));
        Assert.Equal([overdue.CaseCode], Rows((await GetAsync($"/board?as={ManagerAad}&needs=me")).Html));
        var (status, html) = await GetAsync($"/board?as={ManagerAad}&partnership=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("There is no partnership &#39;atlantis&#39;.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_opens_on_its_timetable_and_audit_trail()
    {
        var opened = await Cases.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(-3), Manager, "Referral by email.", CancellationToken.None);
        await Cases.ExecuteAsync(opened.CaseCode, (rules, state, now) => rules.MoveDeadline(state, "decision", now.AddDays(1), Manager, "Panel members on leave.", now), CancellationToken.None);

        var (status, html) = await GetAsync($"/board/case/{opened.CaseCode.ToLowerInvariant()}?as={ManagerAad}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>{opened.CaseCode}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Virtual Panel threshold decision</th>", html, StringComparison.Ordinal);
        Assert.Contains("(moved from ", html, StringComparison.Ordinal);
        Assert.Contains($"opened case {opened.CaseCode}", html, StringComparison.Ordinal);
        Assert.Contains("Panel members on leave.", html, StringComparison.Ordinal);
        Assert.Contains("2 entries, newest first", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Gloucestershire_case_page_counts_from_working_day_1_as_its_timetable_does()
    {
        // seed-004 L125–L126: the notification day is working day 1; the threshold is considered by working day 2.
        var opened = await Cases.OpenAsync("gloucestershire", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(-1), Manager, "Case for Consideration by email.", CancellationToken.None);
        var state = await Cases.LoadAsync(opened.CaseCode, CancellationToken.None);

        var (status, html) = await GetAsync($"/board/case/{opened.CaseCode}?as={ManagerAad}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"working day 1 is {BritishDates.Date(state.DayZero)}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Working day</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Statutory partners consider the threshold</th><td>2</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Day 0", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_mode_serves_this_machine_only_and_needs_a_listed_person()
    {
        var unnamed = await GetAsync("/board/view");
        using var remote = new HttpRequestMessage(HttpMethod.Get, new Uri($"/board/view?as={ManagerAad}", UriKind.Relative));
        remote.Headers.Host = "board.example.org";
        var fromElsewhere = await _bot.Client.SendAsync(remote);
        var stranger = await GetAsync("/board/view?as=59999999-0000-0000-0000-000000000009");

        Assert.Equal(HttpStatusCode.Unauthorized, unnamed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.Status);
    }

    [Fact]
    public async Task Every_deadline_on_the_board_has_the_date_and_state_the_timetable_command_gives()
    {
        var codes = new List<string>();
        foreach (var (partnership, daysAgo) in new[] { ("oldham", 9), ("salford", 4), ("tameside", 1), ("gloucestershire", 15) })
        {
            var opened = await Cases.OpenAsync(partnership, CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(-daysAgo), Manager, "Referral by email.", CancellationToken.None);
            codes.Add(opened.CaseCode);
        }

        await Cases.ExecuteAsync(codes[0], (rules, state, now) => rules.MoveDeadline(state, "decision", now.AddDays(2), Manager, "Panel members on leave.", now), CancellationToken.None);
        var svg = BoardSvg((await GetAsync($"/board?as={ManagerAad}")).Html);

        foreach (var code in codes)
        {
            var timetable = (await _bot.AskAsync($"timetable {code}", ManagerAad, "Bea Manning"))["text"]!.GetValue<string>()
                .Split('\n').Where(l => l.StartsWith("- Day ", StringComparison.Ordinal) || l.StartsWith("- Working day", StringComparison.Ordinal)).ToList();
            var row = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-case") == code);
            var marks = row.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("mark ", StringComparison.Ordinal) == true).ToList();
            var later = row.Descendants(Svg + "g").SingleOrDefault(g => (string?)g.Attribute("class") == "later");
            var laterCount = later is null ? 0 : ((string)later.Attribute("aria-label")!)["Later: ".Length..].Split("; ").Length;
            Assert.Equal(timetable.Count, marks.Count + laterCount);
            foreach (var mark in marks)
            {
                var name = Regex.Match((string)mark.Attribute("aria-label")!, $"^{Regex.Escape(code)}: (.+?), (done|overdue|due) ").Groups[1].Value;
                var line = Assert.Single(timetable, l => l.Contains($": {name} — ", StringComparison.Ordinal));
                var date = DateOnly.ParseExact((string)mark.Attribute("data-date")!, "yyyy-MM-dd");
                Assert.Contains(BritishDates.Date(date), line, StringComparison.Ordinal);
                var stated = line[(line.LastIndexOf(" — ", StringComparison.Ordinal) + 3)..];
                var expected = stated.StartsWith("done", StringComparison.Ordinal) ? "done"
                    : stated == "overdue" ? "overdue"
                    : stated.StartsWith("only", StringComparison.Ordinal) ? "only if decided"
                    : line.Contains("(moved from", StringComparison.Ordinal) ? "moved" : "due";
                Assert.Equal(expected, (string?)mark.Attribute("data-state"));
            }
        }
    }

    [Fact]
    public async Task Board_posts_the_picture_as_a_PNG_in_the_card_for_a_business_manager()
    {
        // Twenty days back: the decision (Day 1) is overdue whatever today is. Five were not enough
        // across Easter, when Good Friday and Easter Monday put Day 1 on the Tuesday.
        var opened = await Cases.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(-20), Manager, "Referral by email.", CancellationToken.None);

        var reply = await _bot.AskAsync("board", ManagerAad, "Bea Manning");

        var image = reply["attachments"]![0]!["content"]!["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Image")!;
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        var png = Convert.FromBase64String(url["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        Assert.InRange(width, 300, 1024);
        Assert.InRange(height, 100, 1024);
        Assert.StartsWith("1 open case, 1 with an overdue deadline", image["altText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(opened.CaseCode, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_is_refused_to_a_panel_member()
    {
        var reply = await _bot.AskAsync("board", PoliceAad, "Pat Okafor");

        Assert.Equal("Only a business manager can post the case board.", reply["text"]!.GetValue<string>());
    }
}
