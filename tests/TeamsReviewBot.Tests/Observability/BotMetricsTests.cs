using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TeamsReviewBot.Observability;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Observability;

/// <summary>What an IT team's alert reads from the "TeamsReviewBot" meter when a referral comes in
/// while Graph is throttling: the referral counted as received and opened, the 429s counted, and no
/// attribute that could carry a child's details.</summary>
public sealed class BotMetricsTests
{
    // The meter's whole vocabulary of attributes: a status code, a drop reason and a timer kind, each from
    // a fixed set. Tests running beside this one record the other two on the same meter.
    private static readonly string[] AllowedAttributes = ["http.response.status_code", BotMetrics.ReasonAttribute, BotMetrics.TimerKindAttribute];

    [Fact]
    public async Task A_referral_opened_through_a_throttled_Graph_is_counted_with_no_details_attached()
    {
        var totals = new ConcurrentDictionary<string, long>();
        var attributes = new ConcurrentBag<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags)
            {
                attributes.Add(tag.Key);
            }
        });
        listener.Start();

        await using var local = await LocalIntake.StartAsync();
        await local.Sandbox.FaultsAsync(new { throttleNext = 2, retryAfterSeconds = 1 });
        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);

        Assert.Single(await local.CasesAsync());
        // Other tests may run beside this one and count too: at least ours are there.
        Assert.True(totals.GetValueOrDefault("teamsreviewbot.referrals.received") >= 1, "referrals received not counted");
        Assert.True(totals.GetValueOrDefault("teamsreviewbot.referrals.opened") >= 1, "referrals opened not counted");
        Assert.True(totals.GetValueOrDefault("teamsreviewbot.graph.throttled") >= 2, "Graph 429s not counted");
        Assert.All(attributes.Distinct(), key => Assert.Contains(key, AllowedAttributes));
    }
}
