using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Bench;

/// <summary>What the checks after the run found.</summary>
public sealed record CheckResult(
    int VotesAnswered,
    int VotesStoredOnce,
    int VotesLost,
    int VotesDoubled,
    int CasesDecided,
    int DecidedEmailed,
    int ReferrersEmailedTwice,
    TimeSpan EmailWait,
    int VotesUnanswered,
    int UnansweredButStored)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{VotesAnswered} votes answered: {VotesStoredOnce} stored exactly once, {VotesLost} not stored, {VotesDoubled} stored more than once; " +
        $"{CasesDecided} cases decided: {DecidedEmailed} emailed their referrer ({ReferrersEmailedTwice} more than once), after waiting {EmailWait.TotalSeconds:F0} s for the follow-ups");
}

/// <summary>
/// After the run: reads every case stream the run voted on straight from the tables (each answered
/// vote must be there exactly once, for its seat) and the partnership mailbox's sent items in the
/// Graph sandbox (every decided case's referrer must have had the decision, once), waiting a bounded
/// time for the follow-ups to drain.
/// </summary>
public static class ClickChecks
{
    private static readonly string[] SeatKeys = ["police", "health", "la"];

    public static async Task<CheckResult> RunAsync(ClickBenchSettings settings, string tablePrefix, ClickRun run, TimeSpan emailWait)
    {
        var events = new TableCaseEventStore(new StorageTables(new TableServiceClient(settings.StorageConnection), new TableNames(tablePrefix)));
        var answered = run.AnsweredVotes.GroupBy(v => v.Case.Code).ToList();
        int once = 0, lost = 0, doubled = 0, decided = 0;
        var decidedCases = new List<PanelCase>();
        foreach (var group in answered)
        {
            var stream = await events.ReadAsync(group.Key);
            var votesBySeat = stream.Where(e => e.Type == CaseEventTypes.VoteCast)
                .GroupBy(e => JsonNode.Parse(e.Data)?["seat"]?.GetValue<string>() ?? string.Empty)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var seat in group.Select(v => v.Seat).Distinct())
            {
                switch (votesBySeat.GetValueOrDefault(SeatKeys[seat]))
                {
                    case 0: lost++; break;
                    case 1: once++; break;
                    default: doubled++; break;
                }
            }

            if (stream.Any(e => e.Type == CaseEventTypes.DecisionRecorded))
            {
                decided++;
                decidedCases.Add(group.First().Case);
            }
        }

        // A vote whose answer failed may still have been stored: how often the person was told otherwise.
        var unanswered = run.UnansweredVotes.Distinct().Where(v => !run.AnsweredVotes.Contains(v)).ToList();
        var unansweredStored = 0;
        foreach (var (panelCase, seat) in unanswered)
        {
            var stream = await events.ReadAsync(panelCase.Code);
            unansweredStored += stream.Any(e => e.Type == CaseEventTypes.VoteCast && JsonNode.Parse(e.Data)?["seat"]?.GetValue<string>() == SeatKeys[seat]) ? 1 : 0;
            if (!decidedCases.Contains(panelCase) && stream.Any(e => e.Type == CaseEventTypes.DecisionRecorded))
            {
                decided++;
                decidedCases.Add(panelCase);
            }
        }

        // Every decided case emailed its referrer: poll the sent items until all are there, or the wait is over.
        using var graph = new HttpClient { BaseAddress = new Uri(settings.GraphSandbox) };
        var waited = Stopwatch.StartNew();
        Dictionary<string, int> sentTo;
        while (true)
        {
            var sent = JsonNode.Parse(await graph.GetStringAsync(new Uri($"/sandbox/mailboxes/{ClickBench.Mailbox}/sent", UriKind.Relative)))!.AsArray();
            sentTo = sent.SelectMany(m => m?["to"]?.AsArray().Select(a => a?.GetValue<string>()) ?? []).OfType<string>()
                .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            if (decidedCases.All(c => sentTo.ContainsKey(c.Referrer)) || waited.Elapsed > emailWait)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var emailed = decidedCases.Count(c => sentTo.ContainsKey(c.Referrer));
        var twice = decidedCases.Count(c => sentTo.GetValueOrDefault(c.Referrer) > 1);
        return new CheckResult(answered.Sum(g => g.Select(v => v.Seat).Distinct().Count()), once, lost, doubled, decided, emailed, twice, waited.Elapsed, unanswered.Count, unansweredStored);
    }
}
