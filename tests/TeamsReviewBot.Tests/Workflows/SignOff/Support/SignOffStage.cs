using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Report;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff.Support;

/// <summary>
/// A case of any partnership brought to sign-off through /api/messages: the threshold decided for
/// a rapid review the partnership's way (Salford's business manager alone, the statutory partners'
/// votes elsewhere), report versions stored as the bot stores them, and presses on the sign-off
/// cards people find in their personal chat.
/// </summary>
public sealed class SignOffStage(PanelBot bot)
{
    /// <summary>West Midlands' Independent Scrutineer, who may endorse the outcome (seed-003 L240).</summary>
    public static readonly Person Sol = new("29:user-scrutineer", "30000000-0000-0000-0000-00000000000a", "Sol Varga", "Scrutineer");

    /// <summary>Everyone who signs something in one partnership or another, the chair, and someone who signs nothing.</summary>
    public static readonly IReadOnlyList<Person> Everyone = [Bea, Lola, Pat, Hana, Dev, Vic, Ian, Chloe, Sol];

    private static readonly Actor Manager = new(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null);

    public PanelBot Bot { get; } = bot;

    public static async Task<SignOffStage> StartAsync(AzuriteFixture azurite, string partnership, IReadOnlyList<Person>? people = null, IDictionary<string, string?>? extra = null, bool installEveryone = true)
    {
        var settings = new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bot = await PanelBot.StartAsync(azurite, partnership, people ?? Everyone, settings);
        if (installEveryone)
        {
            foreach (var person in people ?? Everyone)
            {
                await bot.PersonalInstallAsync(person);
            }
        }
        else
        {
            await bot.PersonalInstallAsync(Bea);
        }

        return new SignOffStage(bot);
    }

    /// <summary>A referral decided for a rapid review: Salford's business manager decides alone when it
    /// is plainly one (seed-002 L278); elsewhere the statutory partners vote.</summary>
    public async Task<string> RapidReviewAsync()
    {
        var code = await Bot.ReferAsync(Bea);
        var cases = Bot.Services.GetRequiredService<CaseService>();
        if ((await Bot.CaseAsync(code)).Partnership == "salford")
        {
            await cases.ExecuteAsync(code, (r, s, n) => s.Stage == CaseStage.Referred ? r.PutToPanel(s, Manager, n) : [], CancellationToken.None);
            await cases.ExecuteAsync(code, (r, s, n) => r.BusinessManagerDecides(s, "rapid-review", "Plainly meets the criteria.", Manager, n), CancellationToken.None);
        }
        else
        {
            foreach (var voter in new[] { Lola, Pat, Hana })
            {
                if ((await Bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
                {
                    await Bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
                }
            }
        }

        Assert.Equal(OutcomeKind.RapidReview, (await Bot.CaseAsync(code)).OutcomeKind);
        return code;
    }

    /// <summary>A report version stored as the bot stores one: the generated draft, or a later
    /// version (the author's) whose bytes differ.</summary>
    public async Task AddVersionAsync(string code, int number)
    {
        var draft = await Bot.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default);
        var content = number == 1 ? draft!.Content : [.. draft!.Content, .. System.Text.Encoding.UTF8.GetBytes("v" + number)];
        var version = draft with { Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) };
        await Bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(version, "author", Manager, "Version added.", default);
    }

    /// <summary>The business manager asks for sign-off and is told whom the cards reached.</summary>
    public async Task<string> AskForSignOffAsync(string code, int version)
    {
        await Bot.SayAsync(Bea, "sign-off " + code);
        return await Bot.WaitForPersonalAsync(Bea, $"I sent the sign-off card for version {version}");
    }

    /// <summary>The latest sign-off card for <paramref name="version"/> in the person's personal chat.</summary>
    public async Task<JsonNode> CardToAsync(Person person, int version)
    {
        var call = await Bot.Teams.WaitForCallAsync(
            c => IsSignOffCard(c, person, version),
            $"the sign-off card for version {version} to {person.Name}");
        return Bot.Teams.Calls.Last(c => c.Path == call.Path && IsSignOffCard(c, person, version)).Card!;
    }

    /// <summary>Whether a sign-off card for <paramref name="version"/> ever reached the person.</summary>
    public bool HasCard(Person person, int version) => Bot.Teams.Calls.Any(c => IsSignOffCard(c, person, version));

    /// <summary>A press on <paramref name="card"/> by <paramref name="person"/> in their personal chat;
    /// the card may be someone else's, as a forged or forwarded card would be.</summary>
    public async Task<JsonObject> PressAsync(Person person, JsonNode card, string choice, string comments = "", string? activityId = null)
    {
        var action = card["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == choice)!;
        var data = (JsonObject)action["data"]!.DeepClone();
        data["comments"] = comments;
        return await Bot.InvokeAsync(person, "sign-off", data, conversationId: "a:chat-" + person.TeamsId, activityId: activityId);
    }

    /// <summary>Signs <paramref name="version"/> on the person's own card and returns what the card then says.</summary>
    public async Task<string> SignAsync(Person person, int version, string choice = "sign-off", string comments = "") =>
        PanelBot.Words(await PressAsync(person, await CardToAsync(person, version), choice, comments));

    public string SeatTitle(string partnership, string seat) =>
        Bot.Services.GetRequiredService<CaseService>().Playbooks.Get(partnership).FindSeat(seat)!.Title;

    private static bool IsSignOffCard(ConnectorCall call, Person person, int version) =>
        call.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal)
        && call.Card?.ToJsonString() is { } json
        && json.Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal)
        && json.Contains($"\"version\":\"{version}\"", StringComparison.Ordinal);
}
