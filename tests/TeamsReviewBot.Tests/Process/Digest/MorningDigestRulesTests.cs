using System.Text;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Digest;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Tests.Process.Digest;

public sealed class MorningDigestRulesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;
    private static readonly TimeOnly HalfPastEight = new(8, 30);

    [Fact]
    public void After_Christmas_Eve_the_next_digest_is_on_the_Tuesday_after_the_substitute_Boxing_Day()
    {
        // Friday 25 (Christmas), Saturday 26 and Sunday 27, Monday 28 (Boxing Day substitute) December 2026.
        var next = MorningDigestRules.NextAt(Calendar, HalfPastEight, WorkingDayCalendar.AtLondon(new DateOnly(2026, 12, 24), new TimeOnly(8, 30)));

        Assert.Equal(WorkingDayCalendar.AtLondon(new DateOnly(2026, 12, 29), HalfPastEight), next);
    }

    [Theory]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-26")]
    [InlineData("2026-12-28")]
    public void No_digest_is_due_on_a_bank_holiday_or_a_weekend(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Null(MorningDigestRules.DayDue(Calendar, HalfPastEight, WorkingDayCalendar.AtLondon(day, new TimeOnly(10, 0))));
    }

    [Fact]
    public void A_working_day_digest_is_due_from_its_time_and_not_before()
    {
        var day = new DateOnly(2026, 11, 24);

        Assert.Null(MorningDigestRules.DayDue(Calendar, HalfPastEight, WorkingDayCalendar.AtLondon(day, new TimeOnly(8, 29))));
        Assert.Equal(day, MorningDigestRules.DayDue(Calendar, HalfPastEight, WorkingDayCalendar.AtLondon(day, new TimeOnly(8, 30))));
    }

    [Fact]
    public void Deadlines_are_overdue_due_today_due_within_two_working_days_or_later()
    {
        // Thursday 24 December 2026 at 08:30: the next two working days are Tuesday 29 and Wednesday 30.
        var now = WorkingDayCalendar.AtLondon(new DateOnly(2026, 12, 24), HalfPastEight);
        DigestBucket At(int month, int day, int hour) => MorningDigestRules.Classify(Calendar, WorkingDayCalendar.AtLondon(new DateOnly(2026, month, day), new TimeOnly(hour, 0)), now);

        Assert.Equal(DigestBucket.Overdue, At(12, 23, 17));
        Assert.Equal(DigestBucket.Overdue, At(12, 24, 8));
        Assert.Equal(DigestBucket.DueToday, At(12, 24, 17));
        Assert.Equal(DigestBucket.DueSoon, At(12, 29, 17));
        Assert.Equal(DigestBucket.DueSoon, At(12, 30, 17));
        Assert.Equal(DigestBucket.Later, At(12, 31, 9));
    }

    [Fact]
    public void A_playbook_without_a_digest_section_sends_at_half_past_eight_and_one_may_set_its_own_time()
    {
        Assert.Equal(HalfPastEight, Load(OldhamJson()).DigestTime);

        var json = JsonNode.Parse(OldhamJson())!;
        json["digest"] = new JsonObject { ["time"] = "07:45" };

        Assert.Equal(new TimeOnly(7, 45), Load(json.ToJsonString()).DigestTime);
    }

    [Fact]
    public void A_digest_time_after_the_working_day_ends_stops_the_load_naming_the_field()
    {
        var json = JsonNode.Parse(OldhamJson())!;
        json["digest"] = new JsonObject { ["time"] = "18:00" };

        var error = Assert.Throws<PlaybookException>(() => Load(json.ToJsonString()));

        Assert.Equal("digest.time", error.Field);
        Assert.Contains("not before clock.workingDayEnds", error.Reason, StringComparison.Ordinal);
    }

    private static string OldhamJson() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "playbooks", "oldham.json"));

    private static Playbook Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return PlaybookLoader.Load("oldham.json", stream);
    }
}
