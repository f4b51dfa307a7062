using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Export;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// The whole bot on Kestrel (PanelBot: /api/messages as Teams sends it, a Teams stand-in, Azurite),
/// the partnership mailbox, the agencies' and the National Panel's mail and the invitees' calendars
/// in the Graph sandbox on the bot's clock, and a driver that moves that clock from one stored timer
/// to the next, firing each at the instant it was set for. The people have work addresses (the
/// meeting invitations, the report by email), and the partnership's agency directory lists three
/// agencies.
/// </summary>
internal sealed partial class WholeCaseBot : IAsyncDisposable
{
    public const string NationalPanel = "Mailbox.NationalReviewPanel@education.gov.uk";
    public const string Referrer = "pat.example@hollybank.school.example";
    public const string Organiser = "rapid.reviews@partnership.example";

    public static readonly Agency School = new("Hollybank Primary School", "school", "dsl@hollybank.school.example");
    public static readonly Agency Gp = new("Millbrook Medical Practice", "gp", "safeguarding@millbrook.nhs.example");
    public static readonly Agency Police = new("Police Public Protection Unit", "police", "ppu@police.example");

    public static readonly IReadOnlyList<Agency> Agencies = [School, Gp, Police];

    private WholeCaseBot(PanelBot bot, string partnership)
    {
        Bot = bot;
        Partnership = partnership;
    }

    public PanelBot Bot { get; }

    public string Partnership { get; }

    public Playbook Playbook => Cases.Playbooks.Get(Partnership);

    public CaseService Cases => Bot.Services.GetRequiredService<CaseService>();

    public List<string> Problems { get; } = [];

    public DateTimeOffset Now => Bot.Clock.GetUtcNow();

    /// <param name="extra">Further settings, such as a seat named in configuration (Salford's deputy chair).</param>
    public static async Task<WholeCaseBot> StartAsync(AzuriteFixture azurite, string partnership, IReadOnlyList<Person> people, DateTimeOffset start, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // Only the driver fires timers: each at its instant, none by the background pump.
            ["Timers:PollInterval"] = "01:00:00",
            ["Meeting:Organiser"] = Organiser,
            ["Intake:Partnership"] = partnership,

            // Mail is taken in, and meeting answers read, when the story says, not on a machine's timer.
            ["Graph:DeltaSyncInterval"] = "1.00:00:00",
            ["Meeting:ResponsesCheckInterval"] = "1.00:00:00",
        };
        for (var i = 0; i < people.Count; i++)
        {
            if (people[i].Role is not null)
            {
                settings[$"Partnership:People:{i}:Email"] = EmailOf(people[i]);
            }
        }

        for (var i = 0; i < Agencies.Count; i++)
        {
            settings[$"Partnership:Agencies:{i}:Name"] = Agencies[i].Name;
            settings[$"Partnership:Agencies:{i}:Kind"] = Agencies[i].Kind;
            settings[$"Partnership:Agencies:{i}:Leads"] = Agencies[i].Lead;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bot = await PanelBot.StartAsync(azurite, partnership, people, settings, start, mailOnBotClock: true);
        await bot.Graph.ReceivesAsync(NationalPanel);
        foreach (var person in people)
        {
            await bot.PersonalInstallAsync(person);
        }

        return new WholeCaseBot(bot, partnership);
    }

    public static string EmailOf(Person person) => person.Name.Split(' ')[0].ToLowerInvariant() + "@partnership.example";

    /// <summary>Fires every timer due up to <paramref name="target"/> at its own instant, in time
    /// order, then sets the clock there. A timer that stays due after a pass is a problem.</summary>
    public async Task RunUntilAsync(DateTimeOffset target)
    {
        var pump = Bot.Services.GetRequiredService<TimerPump>();
        var timers = Bot.Services.GetRequiredService<DurableTimerStore>();
        DateTimeOffset? waited = null;
        var outbound = Bot.Services.GetRequiredService<TeamsReviewBot.Teams.Outbound.OutboundWorker>();
        var followUps = Bot.Services.GetRequiredService<PendingCaseFollowUps>();
        for (var step = 0; step < 2000; step++)
        {
            // What the last click or timer left to the background (the card edits, what follows a
            // decision) is done before the clock moves on, as it would be in the minutes a person waits.
            do
            {
                await outbound.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
                await followUps.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            while (await pump.RunOnceAsync(CancellationToken.None) > 0);

            var next = await timers.NextDueAtAsync();
            if (next is null || next > target)
            {
                if (Now < target)
                {
                    Bot.Clock.JumpTo(target);
                }

                return;
            }

            if (next <= Now)
            {
                Problems.Add($"A timer due {next:O} did not fire at {Now:O}.");
                return;
            }

            // A timer the bot's own pump took (woken when a timer is set for now) shows as due at its
            // lease's end: let that pass finish rather than move the clock to it and take it again.
            if (next != waited && next.Value - Now < TimeSpan.FromMinutes(3))
            {
                waited = next;
                for (var i = 0; i < 20 && await timers.NextDueAtAsync() == next; i++)
                {
                    await Task.Delay(100);
                }

                continue;
            }

            Bot.Clock.JumpTo(next.Value);
        }

        Problems.Add("The clock took more than 2000 steps to reach the target.");
    }

    /// <summary>Runs the clock to <paramref name="at"/> London time on <paramref name="date"/>.</summary>
    public Task RunUntilAsync(DateOnly date, int hour, int minute = 0) => RunUntilAsync(WorkingDayCalendar.AtLondon(date, new TimeOnly(hour, minute)));

    /// <summary>Mail arriving in the partnership mailbox and taken in as intake takes it; returns what intake did.</summary>
    public Task<string> ReceiveAsync(byte[] rfc822) => Bot.ReceiveMailAsync(rfc822);

    /// <summary>Types <paramref name="text"/> in the person's chat with the bot and waits for the answer containing <paramref name="answer"/>.</summary>
    public async Task<string> SayAsync(Person person, string text, string answer)
    {
        var before = Bot.Teams.Calls.Count;
        (await Bot.SayAsync(person, text)).EnsureSuccessStatusCode();
        bool Answer(ConnectorCall c) => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && (c.Text + PanelBot.Words(c.Card)).Contains(answer, StringComparison.Ordinal);
        var calls = await Bot.Teams.WaitForAsync(calls => calls.Skip(before).Any(Answer));
        var reply = calls.Skip(before).First(Answer);
        return reply.Text + PanelBot.Words(reply.Card);
    }

    /// <summary>The latest card carrying an Action.Execute of <paramref name="verb"/> in the person's chat.</summary>
    public async Task<JsonNode> CardInChatAsync(Person person, string verb, Func<string, bool>? match = null)
    {
        bool Matches(ConnectorCall c) => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal)
            && c.Card?.ToJsonString() is { } json && json.Contains($"\"verb\":\"{verb}\"", StringComparison.Ordinal) && (match?.Invoke(json) ?? true);
        await Bot.Teams.WaitForCallAsync(Matches, $"a {verb} card to {person.Name}");
        return Bot.Teams.Calls.Last(Matches).Card!;
    }

    /// <summary>Presses the card's button of <paramref name="verb"/> (the first, or the one <paramref name="which"/> picks) with the card's inputs filled in.</summary>
    public async Task<string> PressInChatAsync(Person person, JsonNode card, string verb, JsonObject? inputs = null, Func<JsonNode, bool>? which = null)
    {
        var action = card["actions"]!.AsArray().First(a => a!["verb"]?.GetValue<string>() == verb && (which?.Invoke(a) ?? true))!;
        var data = (JsonObject)action["data"]!.DeepClone();
        foreach (var (key, value) in inputs ?? new JsonObject())
        {
            data[key] = value?.DeepClone();
        }

        return PanelBot.Words(await Bot.InvokeAsync(person, verb, data, conversationId: "a:chat-" + person.TeamsId));
    }

    /// <summary>The person answers the meeting's invitation in their calendar (Graph records it on the organiser's event).</summary>
    public async Task AnswerInvitationAsync(string code, Person person, string response)
    {
        var eventId = (await Bot.CaseAsync(code)).MeetingEventId!;
        using var answered = await Bot.Graph.Control.PostAsJsonAsync(new Uri($"sandbox/calendars/{Organiser}/events/{Uri.EscapeDataString(eventId)}/responses", UriKind.Relative), new { address = EmailOf(person), response });
        answered.EnsureSuccessStatusCode();
    }

    /// <summary>What the partnership mailbox sent whose subject contains <paramref name="subject"/>.</summary>
    public async Task<List<JsonElement>> SentAsync(string subject) =>
        [.. (await Bot.Graph.SentAsync(PanelBot.Mailbox)).Where(m => m.GetProperty("subject").GetString()!.Contains(subject, StringComparison.Ordinal))];

    /// <summary>The case's audit trail in the words the export gives, one line per event: when, and
    /// what. A report's SHA-256 reads ‹hash›: the document carries the time it was written.</summary>
    public async Task<IReadOnlyList<string>> TrailAsync(string code) =>
        [.. AuditTrailRows.From(Playbook, await Cases.HistoryAsync(code, CancellationToken.None)).Select(r => Hash().Replace($"{r.London} — {r.What}", "SHA-256 ‹hash›…"))];

    [System.Text.RegularExpressions.GeneratedRegex("SHA-256 [0-9a-f]{12}…")]
    private static partial System.Text.RegularExpressions.Regex Hash();

    public async ValueTask DisposeAsync() => await Bot.DisposeAsync();

    public sealed record Agency(string Name, string Kind, string Lead);
}
