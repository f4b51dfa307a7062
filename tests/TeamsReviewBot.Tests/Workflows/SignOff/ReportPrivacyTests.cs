using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.SignOff.Support;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.SignOff;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// A referral with a child whose name, date of birth and address appear nowhere else, taken through
/// the whole report stage: drafted and emailed, a second version, a panel comment naming the child,
/// sign-off with comments naming the child. Every channel post and shared card, every email subject
/// and every log line the bot wrote is then searched for each of the child's details, in the forms
/// a date is written in.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportPrivacyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Forename = "Zephyrine";
    private const string ChildName = "Zephyrine Quillfeather";
    private const string Address = "47 Marigold Wharf, Lees OL4 9ZX";
    private static readonly DateOnly BirthDate = new(2019, 7, 23);

    private readonly CapturedLogs _logs = new();
    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task No_channel_post_shared_card_email_subject_or_log_line_carries_the_child_while_the_report_is_drafted_versioned_commented_and_signed()
    {
        _bot = await PanelBot.StartAsync(
            azurite,
            "oldham",
            StatutoryPanel,
            new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00", ["Partnership:People:0:Email"] = "bea.manning@oscp.example.gov.uk" },
            services: s => s.AddSingleton<ILoggerProvider>(_logs));
        foreach (var person in StatutoryPanel)
        {
            await _bot.PersonalInstallAsync(person);
        }

        var stage = new SignOffStage(_bot);
        var code = await ReferAsync();
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        // Drafted on request and emailed to the business manager from the partnership mailbox.
        await _bot.SayAsync(Bea, "report " + code);
        await _bot.WaitForPersonalAsync(Bea, "I've emailed version 1 of the draft Rapid Review report");
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        // A second version, announced in the thread.
        await stage.AddVersionAsync(code, 2);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        // A panel comment that names the child, inside the comment window.
        var window = _bot.Services.GetRequiredService<ReportThreadViews>().Window(await _bot.CaseAsync(code))!;
        if (window.Opens > _bot.Clock.GetUtcNow())
        {
            await _bot.JumpAndFireTimersAsync(window.Opens.AddHours(1));
        }

        var threadCard = await _bot.Teams.WaitForCallAsync(
            c => c.Method == "POST" && !c.Path.Contains("a:chat-", StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains($"Rapid Review report for {code}: version 2", StringComparison.Ordinal),
            "the thread card for version 2");
        var form = threadCard.Card!["actions"]![0]!["card"]!;
        var comment = (JsonObject)form["actions"]![0]!["data"]!.DeepClone();
        comment["comment"] = $"Section 2 should say {ChildName} of {Address} was seen alone at the GP.";
        Assert.Contains("Your comment was recorded", PanelBot.Words(await _bot.InvokeAsync(Lola, "report-comment", comment)), StringComparison.Ordinal);

        // Signed, one partner with comments that name the child.
        await _bot.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 2");
        await stage.SignAsync(Lola, 2, "sign-off-with-comments", $"Agreed; {Forename} (born {BirthDate:dd/MM/yyyy}) needs the GP's view in 2.2.");
        await stage.SignAsync(Hana, 2);
        Assert.NotNull((await _bot.CaseAsync(code)).SignedOffAt);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(5));

        // Every captured output, searched for every form of every detail.
        var channel = _bot.ChannelTraffic();
        Assert.Contains(code, channel, StringComparison.Ordinal); // the channel did hear about the case
        var subjects = (await _bot.Graph.SentAsync(PanelBot.Mailbox)).Select(m => m.GetProperty("subject").GetString() ?? string.Empty).ToList();
        Assert.Contains(subjects, s => s.Contains(code, StringComparison.Ordinal)); // the draft went out by email
        var logs = _logs.ToString();
        Assert.True(_logs.Lines.Count > 20, "Too few log lines were captured to mean anything.");
        foreach (var detail in Details())
        {
            Assert.False(channel.Contains(detail, StringComparison.OrdinalIgnoreCase), $"A channel post or shared card carries \"{detail}\".");
            Assert.DoesNotContain(subjects, s => s.Contains(detail, StringComparison.OrdinalIgnoreCase));
            Assert.False(logs.Contains(detail, StringComparison.OrdinalIgnoreCase), $"A log line carries \"{detail}\".");
        }
    }

    /// <summary>The child's name, forename, surname, address, postcode and date of birth as it may be written.</summary>
    private static IEnumerable<string> Details() =>
    [
        ChildName, Forename, "Quillfeather", Address, "Marigold Wharf", "OL4 9ZX",
        BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        BirthDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        BirthDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    ];

    /// <summary>The business manager's refer form with this child's details.</summary>
    private async Task<string> ReferAsync()
    {
        var form = await _bot!.OpenReferFormAsync(Bea);
        var received = WorkingDayCalendar.ToLondon(_bot.Clock.GetUtcNow().AddHours(-1));
        var answer = await _bot.InvokeAsync(Bea, "refer", new JsonObject
        {
            ["formId"] = form["actions"]![0]!["data"]!["formId"]!.GetValue<string>(),
            ["partnership"] = form["body"]![2]!["value"]!.GetValue<string>(),
            ["referralKind"] = "referral",
            ["receivedOn"] = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["receivedAt"] = received.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["incidentCategory"] = "Physical abuse",
            ["ageBand"] = "5 to 10",
            ["incidentDate"] = received.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["referringOrganisation"] = "Hollybank Primary School",
            ["referrerEmail"] = "referrer@school.example",
            ["childName"] = ChildName,
            ["childDateOfBirth"] = BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["childAddress"] = Address,
        }, conversationId: "a:chat-" + Bea.TeamsId);
        var heading = answer["value"]!["body"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("Case ", heading, StringComparison.Ordinal);
        return heading.Split(' ')[1];
    }
}
