using System.Globalization;
using System.Xml.Linq;
using TeamsReviewBot.Process.Board;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Process.Cases;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Board;

/// <summary>The board drawn from cases moved through the real rules and fold, read back as SVG.</summary>
public sealed class BoardRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly BoardBuilder Builder = new(Schedule);

    /// <summary>An Oldham case received Monday 4 January 2027, decided for Rapid Review, the National Panel notified.</summary>
    private static CaseHarness DecidedAndNotified()
    {
        var harness = new CaseHarness("oldham", London(2027, 1, 4, 10));
        harness.Do((rules, state, now) => rules.PutToPanel(state, CaseHarness.BusinessManager, now));
        foreach (var partner in new[] { "la", "police", "health" })
        {
            harness.Do((rules, state, now) => rules.CastVote(state, partner, "rapid-review", "Criteria met.", CaseHarness.Member(partner), false, now));
        }

        harness.Do((rules, state, now) => rules.NotifyNationalPanel(state, CaseHarness.BusinessManager, "Notified through the portal.", now));
        return harness;
    }

    private static (BoardPicture Picture, XDocument Svg) Draw(DateTimeOffset now, params CaseState[] states)
    {
        var rows = states.Select(s => Builder.Row(Playbook(s.Partnership), s, now));
        var picture = Builder.Picture(rows, now);
        return (picture, XDocument.Parse(SvgBoardRenderer.Render(picture, code => "/board/case/" + code)));
    }

    private static XElement Mark(XDocument svg, string key) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") is { } c && c.StartsWith("mark ", StringComparison.Ordinal) && (string?)g.Attribute("data-key") == key);

    [Fact]
    public void Each_deadline_is_a_mark_in_its_state_colour_and_shape()
    {
        var harness = DecidedAndNotified();
        var now = London(2027, 1, 12, 12); // Day 6: the Day 2 requests are overdue, the returns (Day 7) due.

        var (_, svg) = Draw(now, harness.State);

        var notified = Mark(svg, "national-panel-notification");
        Assert.Equal("done", (string?)notified.Attribute("data-state"));
        Assert.Equal("#2e7d32", (string?)notified.Element(Svg + "circle")!.Attribute("fill"));
        var requests = Mark(svg, "information-requests");
        Assert.Equal("overdue", (string?)requests.Attribute("data-state"));
        Assert.Equal("#c62828", (string?)requests.Element(Svg + "rect")!.Attribute("fill"));
        var returns = Mark(svg, "returns");
        Assert.Equal("due", (string?)returns.Attribute("data-state"));
        Assert.Equal("#1f5fa8", (string?)returns.Element(Svg + "path")!.Attribute("fill"));
    }

    [Fact]
    public void A_moved_deadline_is_amber_at_its_new_date_with_the_original_ghosted()
    {
        var harness = DecidedAndNotified();
        harness.Do((rules, state, now) => rules.MoveDeadline(state, "submission", London(2027, 1, 29, 16), CaseHarness.BusinessManager, "Returns came in late.", now));

        var (_, svg) = Draw(London(2027, 1, 12, 12), harness.State);

        var moved = Mark(svg, "submission");
        Assert.Equal("moved", (string?)moved.Attribute("data-state"));
        Assert.Equal("2027-01-29", (string?)moved.Attribute("data-date"));
        Assert.Equal("#a15c00", (string?)moved.Element(Svg + "path")!.Attribute("fill"));
        var ghost = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "ghost");
        Assert.Equal("submission", (string?)ghost.Attribute("data-key"));
        Assert.Equal("0.4", (string?)ghost.Attribute("opacity"));
        Assert.Contains("originally due Monday 25 January 2027, 4 pm", (string?)ghost.Attribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Today_is_a_line_in_todays_column_with_its_name()
    {
        var harness = DecidedAndNotified();
        var (picture, svg) = Draw(London(2027, 1, 12, 12), harness.State);

        var today = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "today");
        Assert.Equal("Today, Tuesday 12 January 2027", (string?)today.Attribute("aria-label"));
        var line = today.Element(Svg + "line")!;
        var expected = new BoardLayout(picture).DayCentre(new DateOnly(2027, 1, 12));
        Assert.Equal(expected, double.Parse((string)line.Attribute("x1")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Weekends_and_bank_holidays_are_shaded_and_named()
    {
        // Day 0 on Monday 21 December 2026: Christmas, the Boxing Day substitute and New Year's Day fall inside.
        var harness = new CaseHarness("oldham", London(2026, 12, 21, 10));
        var (_, svg) = Draw(London(2026, 12, 22, 9), harness.State);

        var holidays = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bank-holiday")
            .ToDictionary(r => (string)r.Attribute("data-date")!, r => r.Element(Svg + "title")!.Value);
        Assert.Equal("Bank holiday: Christmas Day", holidays["2026-12-25"]);
        Assert.Contains("2026-12-28", holidays.Keys);
        Assert.Contains("2027-01-01", holidays.Keys);
        var weekends = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "weekend").Select(r => (string)r.Attribute("data-date")!).ToList();
        Assert.Contains("2026-12-26", weekends);
        Assert.Contains("2026-12-27", weekends);
        Assert.DoesNotContain("2026-12-24", weekends.Concat(holidays.Keys));
    }

    [Fact]
    public void Every_mark_window_and_ghost_is_focusable_and_says_what_it_is()
    {
        var harness = DecidedAndNotified();
        harness.Do((rules, state, now) => rules.MoveDeadline(state, "submission", London(2027, 1, 29, 16), CaseHarness.BusinessManager, "Returns came in late.", now));
        var (_, svg) = Draw(London(2027, 1, 12, 12), harness.State);

        var focusable = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") is { } c && (c.StartsWith("mark ", StringComparison.Ordinal) || c.StartsWith("window ", StringComparison.Ordinal) || c == "ghost")).ToList();
        Assert.True(focusable.Count >= 10, $"only {focusable.Count} marks drawn");
        Assert.All(focusable, g =>
        {
            Assert.Equal("0", (string?)g.Attribute("tabindex"));
            Assert.Equal("img", (string?)g.Attribute("role"));
            Assert.StartsWith(harness.State.CaseCode + ": ", (string?)g.Attribute("aria-label"), StringComparison.Ordinal);
            Assert.Equal((string?)g.Attribute("aria-label"), g.Element(Svg + "title")!.Value);
        });
        Assert.Contains(focusable, g => (string?)g.Attribute("class") == "window window-meeting");
        Assert.Contains(focusable, g => (string?)g.Attribute("class") == "window window-sign-off");
        Assert.Equal("RR-OLD-2027-0001: Agency summaries requested, overdue since Wednesday 6 January 2027, 5 pm (Day 2)", (string?)Mark(svg, "information-requests").Attribute("aria-label"));
    }

    [Fact]
    public void The_board_shows_case_codes_and_never_a_childs_details()
    {
        // Even if a reason typed by a business manager named the child, the board draws no reasons.
        var harness = new CaseHarness("oldham", London(2027, 1, 4, 10));
        harness.Do((rules, state, now) => rules.MoveDeadline(state, "decision", London(2027, 1, 6, 17), CaseHarness.BusinessManager, "Jamie Example's school sent more on 12 Acacia Road.", now));

        var (_, svg) = Draw(London(2027, 1, 5, 12), harness.State);
        var text = svg.ToString();

        Assert.Contains("RR-OLD-2027-0001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jamie", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Acacia", text, StringComparison.Ordinal);
        var row = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "case-row");
        Assert.Equal("RR-OLD-2027-0001, Oldham Safeguarding Children Partnership, referred, Day 0 Monday 4 January 2027", (string?)row.Attribute("aria-label"));
    }

    [Fact]
    public void A_Gloucestershire_case_names_its_days_as_its_timetable_numbers_them()
    {
        // seed-004 L125–L126: "Working Days (From Notification …)", row "1-to 2" starting with the notification,
        // so Thursday 25 March 2027 is working day 1, the decision due on working day 2 (Tuesday 30 March,
        // after Good Friday and Easter Monday) and the panel on the "8th working day" (L130), Wednesday 7 April.
        var harness = new CaseHarness("gloucestershire", London(2027, 3, 25, 10));

        var (_, svg) = Draw(London(2027, 3, 25, 12), harness.State);

        var row = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "case-row");
        Assert.Equal("RR-GLO-2027-0001, Gloucestershire Safeguarding Children Partnership, referred, working day 1 Thursday 25 March 2027", (string?)row.Attribute("aria-label"));
        Assert.Equal("RR-GLO-2027-0001: Statutory partners consider the threshold, due Tuesday 30 March 2027, 5 pm (working day 2)", (string?)Mark(svg, "decision").Attribute("aria-label"));
        Assert.Equal("RR-GLO-2027-0001: Rapid Review Panel, due Wednesday 7 April 2027, 5 pm (working day 8)", (string?)Mark(svg, "meeting").Attribute("aria-label"));
        Assert.DoesNotContain("Day ", svg.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_mark_sits_in_the_column_of_the_date_the_timetable_gives_with_the_same_state()
    {
        var now = London(2027, 1, 12, 12);
        var decided = DecidedAndNotified();
        decided.Do((rules, state, at) => rules.MoveDeadline(state, "submission", London(2027, 1, 29, 16), CaseHarness.BusinessManager, "Returns came in late.", at));
        var referred = new CaseHarness("salford", London(2027, 1, 8, 15));
        var states = new[] { decided.State, referred.State with { CaseCode = "RR-SAL-2027-0002" } };
        var (picture, svg) = Draw(now, states);
        var layout = new BoardLayout(picture);

        foreach (var state in states)
        {
            var expected = Schedule.Deadlines(Playbook(state.Partnership), state, now)
                .Where(d => d.Entry.DueDate <= WorkingDays.AddWorkingDays(state.DayZero, BoardBuilder.HorizonWorkingDays))
                .ToList();
            var row = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-case") == state.CaseCode);
            var marks = row.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("mark ", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(expected.Count, marks.Count);
            foreach (var deadline in expected)
            {
                var mark = marks.Single(m => (string?)m.Attribute("data-key") == deadline.Entry.Key);
                var shape = mark.Elements().Skip(1).Single();
                var x = shape.Name.LocalName switch
                {
                    "circle" => double.Parse((string)shape.Attribute("cx")!, CultureInfo.InvariantCulture),
                    "rect" => double.Parse((string)shape.Attribute("x")!, CultureInfo.InvariantCulture) + BoardLayout.MarkSize - 1,
                    _ => double.Parse(((string)shape.Attribute("d")!)[1..].Split(' ')[0], CultureInfo.InvariantCulture),
                };
                var column = (int)Math.Floor((x - BoardLayout.LabelWidth) / BoardLayout.DayWidth);
                Assert.Equal(deadline.Entry.DueDate, picture.From.AddDays(column));
                var state_ = deadline.Status switch
                {
                    DeadlineStatus.Done => "done",
                    DeadlineStatus.Overdue => "overdue",
                    DeadlineStatus.Conditional => "only if decided",
                    _ => deadline.Entry.OriginalDueAt is null ? "due" : "moved",
                };
                Assert.Equal(state_, (string?)mark.Attribute("data-state"));
                Assert.Equal(layout.DayCentre(deadline.Entry.DueDate), x, 1);
            }
        }
    }
}
