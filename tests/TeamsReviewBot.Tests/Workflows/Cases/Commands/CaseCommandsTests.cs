using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Tests.Workflows.Cases.Commands;

/// <summary>"cases" and "move" through the whole bot: a Teams message over HTTP in, the reply to the connector out.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseCommandsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ManagerAad = "50000000-0000-0000-0000-000000000001";
    private const string PoliceAad = "50000000-0000-0000-0000-000000000002";
    private static readonly Actor Manager = new(ManagerAad, "Bea Manning", Roles.BusinessManager, "partnership business unit");

    private ChatBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBot.StartAsync(azurite, ChatBot.ManagerAndPoliceLead(ManagerAad, PoliceAad));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Cases_lists_the_open_cases_soonest_deadline_first_and_leaves_closed_ones_out()
    {
        var service = _bot.Services.GetRequiredService<CaseService>();
        // A week apart, so their Day 0s differ whatever today is (a day apart both fall on Monday at a weekend).
        var later = await service.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow.AddDays(7), Manager, "Referral by email.", CancellationToken.None);
        var sooner = await service.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow, Manager, "Referral by email.", CancellationToken.None);

        var reply = await AskAsync("cases oldham", ManagerAad);

        var facts = reply["attachments"]![0]!["content"]!["body"]![1]!["facts"]!.AsArray().Select(f => f!["title"]!.GetValue<string>()).ToList();
        Assert.Equal([sooner.CaseCode, later.CaseCode], facts);
        Assert.Contains($"- {sooner.CaseCode}: referred; next: ", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_is_refused_to_someone_the_partnership_does_not_list()
    {
        var reply = await AskAsync("cases", "59999999-0000-0000-0000-000000000009");

        Assert.Equal("Only the partnership's panel members and business managers can list its cases.", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_business_manager_moves_a_deadline_and_the_trail_keeps_both_dates()
    {
        var service = _bot.Services.GetRequiredService<CaseService>();
        var opened = await service.OpenAsync("oldham", CaseRules.Referral, new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.Zero), Manager, "Referral by email.", CancellationToken.None);

        var reply = await AskAsync($"move {opened.CaseCode.ToLowerInvariant()} submission 2027-01-18 agency returns came in late", ManagerAad);

        Assert.Equal(
            $"{opened.CaseCode}: \"Report sent to the National Panel\" moved from Thursday 14 January 2027, 4 pm to Monday 18 January 2027, 4 pm. The reason is on the case's record and the reminders follow the new date.",
            reply["text"]!.GetValue<string>());
        var history = await service.HistoryAsync(opened.CaseCode, CancellationToken.None);
        var moved = CaseJson.Read<DeadlineMoved>(history.Single(e => e.Type == CaseEventTypes.DeadlineMoved).Data);
        Assert.Equal("agency returns came in late", moved.Reason);
        Assert.Equal(new DateTimeOffset(2027, 1, 14, 16, 0, 0, TimeSpan.Zero), moved.OriginalDueAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 18, 16, 0, 0, TimeSpan.Zero), moved.NewDueAt);
    }

    [Fact]
    public async Task A_panel_member_may_not_move_a_deadline_and_nothing_changes()
    {
        var service = _bot.Services.GetRequiredService<CaseService>();
        var opened = await service.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow, Manager, "Referral by email.", CancellationToken.None);

        var reply = await AskAsync($"move {opened.CaseCode} submission 2027-03-01 16:00 more time", PoliceAad);

        Assert.EndsWith("Nothing was changed.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("business manager", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(await service.HistoryAsync(opened.CaseCode, CancellationToken.None), e => e.Type == CaseEventTypes.DeadlineMoved);
    }

    [Fact]
    public async Task An_unknown_deadline_is_answered_with_the_case_s_deadline_names()
    {
        var service = _bot.Services.GetRequiredService<CaseService>();
        var opened = await service.OpenAsync("tameside", CaseRules.Referral, DateTimeOffset.UtcNow, Manager, "Referral by email.", CancellationToken.None);

        var reply = await AskAsync($"move {opened.CaseCode} lunch 2027-03-01 because", ManagerAad);

        var text = reply["text"]!.GetValue<string>();
        Assert.StartsWith($"Case {opened.CaseCode} has no deadline \"lunch\". Its deadlines are: ", text, StringComparison.Ordinal);
        Assert.Contains("submission", text, StringComparison.Ordinal);
    }

    private Task<JsonNode> AskAsync(string text, string aadObjectId) => _bot.AskAsync(text, aadObjectId);
}
