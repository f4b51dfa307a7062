using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.ThresholdDecision;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>The child's details go to the panel's seats and the business managers only; holding
/// some other role in the partnership is not enough.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ViewReferralAccessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Person Sid = new("29:user-scrutineer", "30000000-0000-0000-0000-000000000010", "Sid Scrutton", "Scrutineer");

    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", [.. StatutoryPanel, Sid]);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_scrutineer_with_no_panel_seat_cannot_open_the_childs_details_and_the_attempt_is_recorded()
    {
        var code = await _bot.ReferAsync(Bea);

        var refused = await _bot.PressAsync(Sid, code, "view-referral");

        var words = PanelBot.Words(refused);
        Assert.DoesNotContain(PanelBot.ChildName, words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, words, StringComparison.Ordinal);
        Assert.Contains("nothing was shown", words, StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<ReferralViewed>(code, PanelEventTypes.ReferralViewed));
        var attempt = Assert.Single(await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused));
        Assert.Equal(Sid.AadObjectId, attempt.Actor.ObjectId);
        Assert.Contains("holds no seat on the panel", attempt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_business_manager_may_open_the_childs_details()
    {
        var code = await _bot.ReferAsync(Bea);

        var shown = await _bot.PressAsync(Bea, code, "view-referral");

        Assert.Contains(PanelBot.ChildName, PanelBot.Words(shown), StringComparison.Ordinal);
    }
}
