using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.SignOff.Support;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// The business managers, who run the process and act on a disagreement before the submission
/// deadline, are told in their personal chat when a partner does not sign off, when the playbook's
/// rule can no longer be met (with its route on disagreement), and when a new version voids the
/// answers or Gloucestershire's WT2018 check: through /api/messages, the Teams stand-in and Azurite,
/// each notice once however often the press comes and across a restart, and never the reason's text.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignOffManagerNoticeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>A reason that names the child, as free text in a form may: it must go nowhere.</summary>
    private const string Reason = "Amelia Testchild's school attendance is missing from the chronology.";

    private SignOffStage? _stage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stage is not null)
        {
            await _stage.Bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_partner_who_does_not_sign_off_is_reported_to_the_business_managers_once_without_their_reason()
    {
        _stage = await SignOffStage.StartAsync(azurite, "oldham");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);

        // A "sign off" owes the managers nothing.
        await _stage.SignAsync(Hana, 1);
        await bot.BackgroundWorkDoneAsync();
        Assert.DoesNotContain(bot.PersonalMessagesTo(Bea), m => m.Contains("did not sign off", StringComparison.Ordinal));

        // The police lead does not sign off; Teams retries the invoke and the lead presses again.
        var patCard = await _stage.CardToAsync(Pat, 1);
        var activity = Guid.NewGuid().ToString();
        await _stage.PressAsync(Pat, patCard, "do-not-sign-off", Reason, activity);
        await _stage.PressAsync(Pat, patCard, "do-not-sign-off", Reason, activity);
        await _stage.PressAsync(Pat, patCard, "do-not-sign-off", Reason);
        var notice = await bot.WaitForPersonalAsync(Bea, "did not sign off version 1");
        await bot.BackgroundWorkDoneAsync();

        var police = _stage.SeatTitle("oldham", "police");
        Assert.Contains($"Case {code} (", notice, StringComparison.Ordinal);
        Assert.Contains($"the {police} (Pat Okafor) did not sign off version 1 of the report", notice, StringComparison.Ordinal);
        Assert.Contains($"type \"comments {code}\" in your chat with me to read it", notice, StringComparison.Ordinal);
        Assert.Contains("The report is due at the National Panel by", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("Amelia", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("attendance", notice, StringComparison.Ordinal);

        // Two of three can still sign: not blocked, so no route yet.
        Assert.DoesNotContain("can no longer be reached", notice, StringComparison.Ordinal);
        Assert.Single(bot.PersonalMessagesTo(Bea), m => m.Contains("did not sign off", StringComparison.Ordinal));
        var told = Assert.Single(await SignOffNoticesAsync(bot, code));
        Assert.Equal(SignOffManagerNotices.DeclinedId(1, "police"), told.NotificationId);
        Assert.DoesNotContain("Amelia", told.Message, StringComparison.Ordinal);

        // The reason is read where it may be: the business manager's own chat, on asking.
        await bot.SayAsync(Bea, "comments " + code);
        var reasons = await bot.WaitForPersonalAsync(Bea, "Sign-off comments and reasons");
        Assert.Contains($"**Pat Okafor ({police})** did not sign off, because", reasons, StringComparison.Ordinal);
        Assert.Contains(Reason, reasons, StringComparison.Ordinal);

        // A partner cannot read the others' words.
        await bot.SayAsync(Pat, "comments " + code);
        var refused = await bot.WaitForPersonalAsync(Pat, "Only a business manager or the chair can read the comments");
        Assert.DoesNotContain("attendance", refused, StringComparison.Ordinal);

        // The audit trail has the notice, in the same words.
        var playbook = bot.Services.GetRequiredService<CaseService>().Playbooks.Get("oldham");
        var trail = AuditTrail.Render(playbook, await bot.StreamAsync(code));
        Assert.Contains(trail, l => l.Contains($"told the business managers: Case {code} (", StringComparison.Ordinal) && l.Contains($"the {police} (Pat Okafor) did not sign off version 1", StringComparison.Ordinal));
        Assert.DoesNotContain(trail, l => l.Contains("Amelia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_rule_can_no_longer_be_met_the_managers_are_given_the_playbooks_route()
    {
        _stage = await SignOffStage.StartAsync(azurite, "oldham");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);

        await _stage.SignAsync(Pat, 1, "do-not-sign-off", Reason);
        await bot.WaitForPersonalAsync(Bea, "did not sign off version 1");
        await _stage.SignAsync(Lola, 1, "do-not-sign-off", Reason);
        var blocked = await bot.WaitForPersonalAsync(Bea, "can no longer be reached");
        await bot.BackgroundWorkDoneAsync();

        // The second refusal and the block in one message; the route is Oldham's (seed-000 §8.3).
        var route = bot.Services.GetRequiredService<CaseService>().Playbooks.Get("oldham").SignOff.OnDisagreement;
        Assert.Contains($"the {_stage.SeatTitle("oldham", "la")} (Lola Adeyemi) did not sign off version 1", blocked, StringComparison.Ordinal);
        Assert.Contains(route, blocked, StringComparison.Ordinal);
        Assert.Contains(". Sign-off of version 1 can no longer be reached as the answers stand.", blocked, StringComparison.Ordinal);
        Assert.DoesNotContain("Amelia", blocked, StringComparison.Ordinal);
        var ids = (await SignOffNoticesAsync(bot, code)).Select(n => n.NotificationId).ToList();
        Assert.Equal([SignOffManagerNotices.DeclinedId(1, "police"), SignOffManagerNotices.DeclinedId(1, "la"), SignOffManagerNotices.BlockedId(1)], ids);
        Assert.Equal(2, bot.PersonalMessagesTo(Bea).Count(m => m.Contains("did not sign off", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_bot_stopped_between_the_refusal_and_the_notice_sends_the_notice_once_after_the_restart()
    {
        // As deployed (follow-ups after the reply), and nothing in the background runs: the bot
        // records the refusal, answers, and stops before its follow-up is taken up.
        var deployed = new Dictionary<string, string?> { ["CaseFollowUps:RunBeforeReply"] = "false" };
        _stage = await SignOffStage.StartAsync(azurite, "oldham", extra: deployed);
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);
        var patCard = await _stage.CardToAsync(Pat, 1);
        await bot.RestartAsync(BackgroundLoops.TakeOut);
        bot.AwaitFollowUps = false;

        var answered = PanelBot.Words(await _stage.PressAsync(Pat, patCard, "do-not-sign-off", Reason));
        Assert.Contains("did not sign off", answered, StringComparison.Ordinal);
        Assert.False((await bot.CaseAsync(code)).SeatSignOffs["police"].Agrees);
        Assert.NotNull(await bot.Services.GetRequiredService<CaseFollowUpRows>().FindAsync(code));
        Assert.Empty(await SignOffNoticesAsync(bot, code));
        Assert.DoesNotContain(bot.PersonalMessagesTo(Bea), m => m.Contains("did not sign off", StringComparison.Ordinal));

        // Started again as deployed: the follow-up worker's first look finds the row and tells the managers.
        await bot.RestartAsync(_ => { });
        bot.AwaitFollowUps = true;
        await bot.WaitForPersonalAsync(Bea, "did not sign off version 1");
        var rows = bot.Services.GetRequiredService<CaseFollowUpRows>();
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");
        Assert.Equal(0, await bot.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None));
        await bot.FollowUpsDoneAsync();

        // Pressed again after the restart: still one notice.
        await _stage.PressAsync(Pat, patCard, "do-not-sign-off", Reason);
        await bot.BackgroundWorkDoneAsync();
        Assert.Single(bot.PersonalMessagesTo(Bea), m => m.Contains("did not sign off", StringComparison.Ordinal));
        Assert.Equal(SignOffManagerNotices.DeclinedId(1, "police"), Assert.Single(await SignOffNoticesAsync(bot, code)).NotificationId);
    }

    [Fact]
    public async Task A_new_version_that_voids_answers_and_the_WT2018_check_is_reported_once_for_that_version()
    {
        _stage = await SignOffStage.StartAsync(azurite, "gloucestershire");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);
        await _stage.SignAsync(Lola, 1);
        await bot.SayAsync(Bea, $"wt2018 {code}");
        await bot.WaitForPersonalAsync(Bea, "WT2018 check on version 1");

        await _stage.AddVersionAsync(code, 2);
        var voided = await bot.WaitForPersonalAsync(Bea, "are void");
        await bot.BackgroundWorkDoneAsync();
        Assert.Contains($"Case {code} (", voided, StringComparison.Ordinal);
        Assert.Contains("version 2 of the report replaces version 1, so the sign-off answers given on version 1 are void", voided, StringComparison.Ordinal);
        Assert.Contains(". The Business Manager's WT2018 check recorded on version 1 is void", voided, StringComparison.Ordinal);
        Assert.Contains($"type \"wt2018 {code}\"", voided, StringComparison.Ordinal);

        // A version after it that voids nothing (no answers, no check on version 2) tells them nothing new.
        await _stage.AddVersionAsync(code, 3);
        await bot.BackgroundWorkDoneAsync();
        Assert.Single(bot.PersonalMessagesTo(Bea), m => m.Contains("are void", StringComparison.Ordinal));
        var ids = (await SignOffNoticesAsync(bot, code)).Select(n => n.NotificationId).ToList();
        Assert.Equal([SignOffManagerNotices.SignOffsVoidedId(2), SignOffManagerNotices.ComplianceCheckVoidedId(2)], ids);
    }

    /// <summary>The case's notices about sign-off (the threshold decision's notice comes before them).</summary>
    private static async Task<IReadOnlyList<BusinessManagersNotified>> SignOffNoticesAsync(PanelBot bot, string code) =>
        [.. (await bot.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified))
            .Where(n => n.NotificationId.Split(':')[0] is "sign-off-declined" or "sign-off-blocked" or "sign-offs-voided" or "compliance-check-voided")];
}
