using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Hosting;

/// <summary>
/// Browser tests and demos run the bot on a clock that starts at a chosen instant, so what they see
/// does not depend on the day they are run; the setting is refused where it could mislead anyone.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DevelopmentClockTests(AzuriteFixture azurite)
{
    private const string Monday = "2026-11-23T09:30";

    [Fact]
    public async Task On_loopback_the_clock_starts_at_the_setting_runs_on_and_says_so_at_start_up()
    {
        await using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { [DevelopmentClock.StartAtKey] = Monday });
        var client = bot.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var start = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
        Assert.InRange(now, start, start.AddMinutes(5));
        var line = Assert.Single(bot.Logs.Lines, l => l.Message.Contains("DEVELOPMENT CLOCK", StringComparison.Ordinal));
        Assert.Contains("Monday 23 November 2026, 9.30 am", line.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", line.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-03-28T00:30", "2027-03-28T00:30:00+00:00")] // before the clocks go forward: GMT
    [InlineData("2027-03-28T01:30", "2027-03-28T02:30:00+01:00")] // 1 am to 2 am never happens: an hour later
    [InlineData("2027-10-31T01:30", "2027-10-31T01:30:00+01:00")] // happens twice: the first (summer time)
    [InlineData("2026-12-25T10:00:00Z", "2026-12-25T10:00:00+00:00")]
    [InlineData("2027-06-01T09:00:00+01:00", "2027-06-01T09:00:00+01:00")]
    public void A_start_without_an_offset_is_read_as_London_time(string setting, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DevelopmentClock.Parse(setting));

    [Fact]
    public void A_start_that_is_not_a_date_stops_start_up_with_a_sentence()
    {
        using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { [DevelopmentClock.StartAtKey] = "next Monday" });

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.Equal("DevelopmentClock:StartAt is 'next Monday', which is not a date and time; write it as 2026-11-23T09:30 (London time) or 2026-11-23T09:30:00Z.", failure.Message);
    }

    [Fact]
    public void Outside_Development_the_setting_stops_start_up_with_a_sentence()
    {
        using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { [DevelopmentClock.StartAtKey] = Monday }) { EnvironmentName = "Production", ListenAddress = IPAddress.Loopback };

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.Equal("DevelopmentClock:StartAt is set, but the environment is Production: a clock that does not tell the real time is only for local testing in Development. Remove the setting.", failure.Message);
    }

    [Fact]
    public void Listening_beyond_loopback_with_the_setting_stops_start_up_with_a_sentence()
    {
        using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { [DevelopmentClock.StartAtKey] = Monday }) { EnvironmentName = "Development", ListenAddress = IPAddress.Any };

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.StartsWith("DevelopmentClock:StartAt moves the bot's clock away from the real time; that is only allowed when the bot listens on loopback addresses, but it listens on", failure.Message, StringComparison.Ordinal);
    }
}
