using TeamsReviewBot.Process.Board;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Bench;

/// <summary>
/// What the case board costs on the server once the cases are loaded: 200 open cases across the five
/// partnerships, built from their events by the real rules and fold, turned into rows and drawn as SVG
/// (and as the chat PNG), as a request to /board does after reading storage.
/// </summary>
public static class BoardBench
{
    public static async Task RunAsync(int rounds)
    {
        var playbooks = PlaybookDirectory.Load(Path.Combine(AppContext.BaseDirectory, "playbooks"));
        var schedule = new CaseSchedule(new TimetableCalculator(WorkingDayCalendar.Default));
        var fold = new CaseFold(playbooks);
        var now = WorkingDayCalendar.AtLondon(new DateOnly(2027, 1, 14), new TimeOnly(10, 0));
        var manager = new Actor("bench-manager", "Bench Manager", Roles.BusinessManager, "partnership business unit");
        var keys = playbooks.Keys;
        var states = new List<CaseState>();
        for (var i = 0; i < 200; i++)
        {
            var playbook = playbooks.Get(keys[i % keys.Count]);
            var rules = new CaseRules(playbook, schedule);
            var code = $"{playbook.CaseCode.Prefix}-2027-{i + 1:D4}";
            var state = fold.Initial(code);
            var sequence = 0L;
            void Apply(IReadOnlyList<NewEvent> events)
            {
                foreach (var e in events)
                {
                    state = fold.Apply(state, new StoredEvent(code, ++sequence, e.Type, e.Data, e.OccurredAt));
                }
            }

            var received = now.AddHours(-(i % 30) * 24 - 3);
            Apply(rules.Open(code, CaseRules.Referral, received, manager, "Referral by email.", received.AddMinutes(5)));
            if (i % 2 == 0)
            {
                Apply(rules.PutToPanel(state, manager, received.AddHours(1)));
            }

            if (i % 7 == 0)
            {
                Apply(rules.MoveDeadline(state, "decision", received.AddDays(3), manager, "Moved for the benchmark.", received.AddHours(2)));
            }

            states.Add(state);
        }

        var builder = new BoardBuilder(schedule);
        var svgStats = new Stats("board: 200 cases to rows and SVG");
        var pngStats = new Stats("board: 20 cases to the chat PNG");
        var length = 0;
        for (var round = 0; round < rounds; round++)
        {
            await svgStats.TimeAsync(() =>
            {
                var picture = builder.Picture(states.Select(s => builder.Row(playbooks.Get(s.Partnership), s, now)), now);
                length = SvgBoardRenderer.Render(picture, code => "/board/case/" + code).Length;
                return Task.CompletedTask;
            });
            await pngStats.TimeAsync(() =>
            {
                var picture = builder.Picture(states.Take(20).Select(s => builder.Row(playbooks.Get(s.Partnership), s, now)), now);
                _ = Board.PngBoardRenderer.Render(picture);
                return Task.CompletedTask;
            });
        }

        Console.WriteLine(svgStats);
        Console.WriteLine(pngStats);
        Console.WriteLine($"board SVG for 200 cases: {length / 1024} KiB");
    }
}
