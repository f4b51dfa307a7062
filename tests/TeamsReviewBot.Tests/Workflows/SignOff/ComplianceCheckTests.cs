using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.SignOff.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// Gloucestershire's Business Manager checks the report meets WT2018 requirements beside the partners'
/// sign-off (seed-004 L133), through /api/messages with the fake clock: the report is not signed off,
/// and so not ready for the National Panel, until it is done; only a business manager may do it; a new
/// version voids it; it is reminded and escalated with the sign-off deadline; other partnerships have none.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ComplianceCheckTests(AzuriteFixture azurite) : IAsyncLifetime
{
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
    public async Task The_report_is_signed_off_only_once_the_business_manager_confirms_WT2018_on_the_version_signed()
    {
        _stage = await SignOffStage.StartAsync(azurite, "gloucestershire");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);

        // Someone who is not a business manager is refused in a sentence, and the attempt is audited.
        await bot.SayAsync(Vic, $"wt2018 {code}");
        await bot.WaitForPersonalAsync(Vic, "Only a business manager can confirm the report meets Working Together 2018 requirements");
        var audit = await bot.Services.GetRequiredService<RefusalAudit>().ListAsync(bot.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Contains(audit, r => r.GetString("Action") == "command:wt2018" && r.GetString("ActorAadObjectId") == Vic.AadObjectId);
        Assert.Null((await bot.CaseAsync(code)).ComplianceCheck);

        // The business manager checks version 1; the author's version 2 voids that check.
        await bot.SayAsync(Bea, $"wt2018 {code} Checked against chapter 4");
        Assert.Contains("Business Manager's WT2018 check on version 1 of the report is recorded with your note", await bot.WaitForPersonalAsync(Bea, "WT2018 check on version 1"), StringComparison.Ordinal);
        Assert.Equal(1, (await bot.CaseAsync(code)).ComplianceCheck!.Version);
        await _stage.AddVersionAsync(code, 2);
        var afterVersion2 = await bot.CaseAsync(code);
        Assert.Null(afterVersion2.ComplianceCheck);
        Assert.Equal(2, afterVersion2.ComplianceCheckVoidedByVersion);
        await _stage.AskForSignOffAsync(code, 2);

        // All three partners sign version 2: that is not enough without the check, and no submission card goes.
        await _stage.SignAsync(Lola, 2);
        await _stage.SignAsync(Pat, 2);
        var last = await _stage.SignAsync(Hana, 2);
        Assert.Contains("3 of 3 partners signed off; 3 needed. Waiting for the Business Manager's WT2018 check.", last, StringComparison.Ordinal);
        Assert.Contains("Business Manager's WT2018 check | waiting", last, StringComparison.Ordinal);
        Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
        await bot.FollowUpsDoneAsync();
        Assert.DoesNotContain(bot.PersonalMessagesTo(Bea), m => m.Contains("ready for the National Panel", StringComparison.Ordinal));

        // The check on version 2 completes the sign-off, and the submission card follows.
        await bot.SayAsync(Bea, $"wt2018 {code}");
        var done = await bot.WaitForPersonalAsync(Bea, "WT2018 check on version 2");
        Assert.Contains("Signed off on", done, StringComparison.Ordinal);
        var signed = await bot.CaseAsync(code);
        Assert.NotNull(signed.SignedOffAt);
        Assert.Equal(Bea.AadObjectId, signed.ComplianceCheck!.ObjectId);
        Assert.Single(await bot.StreamAsync(code), e => e.Type == CaseEventTypes.SignedOff);
        await bot.WaitForPersonalAsync(Bea, "is signed off and ready for the National Panel");

        // Typed again: nothing more is recorded.
        await bot.SayAsync(Bea, $"wt2018 {code} again");
        await bot.WaitForPersonalAsync(Bea, "was already recorded by Bea Manning");
        Assert.Equal(2, (await bot.EventsAsync<ReportComplianceChecked>(code, CaseEventTypes.ReportComplianceChecked)).Count);

        // The audit trail says who checked which version.
        var playbook = bot.Services.GetRequiredService<CaseService>().Playbooks.Get("gloucestershire");
        var trail = AuditTrail.Render(playbook, await bot.StreamAsync(code));
        Assert.Contains(trail, l => l.EndsWith("Bea Manning (business manager) confirmed the Business Manager's WT2018 check: Version 1 of the report meets Working Together 2018 requirements. Note: Checked against chapter 4", StringComparison.Ordinal));
        Assert.Contains(trail, l => l.EndsWith("Bea Manning (business manager) confirmed the Business Manager's WT2018 check: Version 2 of the report meets Working Together 2018 requirements.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_is_reminded_with_the_sign_off_and_escalated_when_the_deadline_passes_without_it()
    {
        _stage = await SignOffStage.StartAsync(azurite, "gloucestershire");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);
        var cases = bot.Services.GetRequiredService<CaseService>();
        var deadline = cases.SignOffDeadline(cases.Playbooks.Get("gloucestershire"), await bot.CaseAsync(code))!.Value;

        // The morning of the last day (the playbook's 9 am reminder): the business manager is asked for the check.
        await bot.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(WorkingDayCalendar.LondonDate(deadline), new TimeOnly(9, 1)));
        var reminded = await bot.WaitForPersonalAsync(Bea, "Business Manager's WT2018 check on version 1");
        Assert.Contains($"type \"wt2018 {code}\"", reminded, StringComparison.Ordinal);

        // The partners sign; the check is never done; the deadline passes: the rule is not met and the check is named.
        await _stage.SignAsync(Lola, 1);
        await _stage.SignAsync(Pat, 1);
        await _stage.SignAsync(Hana, 1);
        await bot.JumpAndFireTimersAsync(deadline.AddMinutes(1));
        var told = await bot.WaitForPersonalAsync(Bea, "the playbook's rule is not met");
        Assert.Contains("Still to answer: GSCP Business Manager (Business Manager's WT2018 check)", told, StringComparison.Ordinal);
        Assert.Single(await bot.EventsAsync<SignOffEscalated>(code, CaseEventTypes.SignOffEscalated));
        Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
    }

    [Fact]
    public async Task A_partnership_without_the_check_says_so_and_signs_off_on_the_partners_alone()
    {
        _stage = await SignOffStage.StartAsync(azurite, "tameside");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await bot.SayAsync(Bea, $"wt2018 {code}");
        await bot.WaitForPersonalAsync(Bea, "procedure has no business manager's check of the report before sign-off");
        Assert.Empty(await bot.EventsAsync<ReportComplianceChecked>(code, CaseEventTypes.ReportComplianceChecked));
    }
}
