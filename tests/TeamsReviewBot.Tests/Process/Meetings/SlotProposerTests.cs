using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Meetings;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Meetings;

public sealed class SlotProposerTests
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    private static readonly Invitee LocalAuthority = new("la.lead@council.example", "LA lead", "local-authority", true);
    private static readonly Invitee Police = new("police.lead@police.example", "Police lead", "police", true);
    private static readonly Invitee Health = new("health.lead@icb.example", "Health lead", "health", true);
    private static readonly Invitee Chair = new("chair@partnership.example", "Chair", "independent", true);
    private static readonly Invitee[] Everyone = [LocalAuthority, Police, Health, Chair];

    private static Availability Free(Invitee who) => new(who.Address, []);

    private static Availability Unknown(Invitee who) => new(who.Address, null);

    private static Availability BusyOn(Invitee who, DateOnly date) =>
        new(who.Address, [new BusySpan(WorkingDayCalendar.AtLondon(date, new TimeOnly(0, 0)), WorkingDayCalendar.AtLondon(date.AddDays(1), new TimeOnly(0, 0)))]);

    /// <summary>A referral on Monday 14 December 2026 at 9 am: every window runs into Christmas
    /// (Friday 25 December, Boxing Day substitute Monday 28, New Year's Day Friday 1 January).</summary>
    [Theory]
    [InlineData("oldham", "2026-12-30", "2026-12-31")]
    [InlineData("tameside", "2027-01-05", "2027-01-05")]
    [InlineData("salford", "2026-12-24", "2027-01-05")]
    [InlineData("west-midlands", "2026-12-23", "2027-01-05")]
    [InlineData("gloucestershire", "2026-12-23", "2026-12-23")]
    public void Over_Christmas_2026_slots_fall_only_on_working_days_inside_the_window_in_working_hours(string playbookKey, string first, string last)
    {
        var playbook = Playbook(playbookKey);
        var meeting = Schedule.Preview(playbook, London(2026, 12, 14, 9)).Get(playbook.Meeting.Deadline);
        var slots = SlotProposer.Propose(playbook, meeting, WorkingDays, Everyone, [.. Everyone.Select(Free)], TwoHours, 40, London(2026, 12, 14, 9));

        Assert.NotEmpty(slots);
        var dates = slots.Select(s => WorkingDayCalendar.LondonDate(s.Start)).Distinct().Order().ToList();
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), dates[0]);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), dates[^1]);
        Assert.All(slots, s =>
        {
            var date = WorkingDayCalendar.LondonDate(s.Start);
            Assert.True(WorkingDays.IsWorkingDay(date), $"{date} is not a working day");
            Assert.DoesNotContain(date, new[] { new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 1) });
            Assert.True(TimeOnly.FromDateTime(WorkingDayCalendar.ToLondon(s.Start).DateTime) >= playbook.Clock.WorkingDayStarts);
            Assert.True(TimeOnly.FromDateTime(WorkingDayCalendar.ToLondon(s.End).DateTime) <= playbook.Clock.WorkingDayEnds);
            Assert.Equal(TwoHours, s.End - s.Start);
            Assert.True(s.Quorate);
        });
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
        Assert.DoesNotContain(slots, a => slots.Any(b => a != b && a.Start < b.End && b.Start < a.End));
    }

    [Fact]
    public void Slots_where_every_statutory_partner_is_free_come_before_slots_with_more_people_free()
    {
        var playbook = Playbook("oldham");
        var meeting = Schedule.Preview(playbook, London(2026, 12, 14, 9)).Get("meeting");
        var policeDeputy = new Invitee("police.deputy@police.example", "Police deputy", "police", false);
        var availability = new[]
        {
            Free(LocalAuthority), Free(Health), Free(Chair),
            BusyOn(Police, new DateOnly(2026, 12, 30)),
            BusyOn(policeDeputy, new DateOnly(2026, 12, 31)),
        };

        var slots = SlotProposer.Propose(playbook, meeting, WorkingDays, [.. Everyone, policeDeputy], availability, TwoHours, 6, London(2026, 12, 14, 9));

        // Every slot is quorate (the deputy covers the police on the 30th, the lead on the 31st), and
        // the 31st, where all four required people are free, is offered first.
        Assert.All(slots, s => Assert.True(s.Quorate));
        Assert.Equal(new DateOnly(2026, 12, 31), WorkingDayCalendar.LondonDate(slots[0].Start));
        Assert.Equal(4, slots[0].RequiredFree);
        Assert.Equal(London(2026, 12, 31, 9), slots[0].Start);
        var thirtieth = slots.First(s => WorkingDayCalendar.LondonDate(s.Start) == new DateOnly(2026, 12, 30));
        Assert.Equal(3, thirtieth.RequiredFree);
        Assert.Contains(policeDeputy, thirtieth.Free);
    }

    [Fact]
    public void Availability_unknown_is_not_free_so_a_partner_known_only_that_way_is_missing()
    {
        var playbook = Playbook("west-midlands");
        var meeting = Schedule.Preview(playbook, London(2027, 2, 1, 9)).Get("meeting");

        var slots = SlotProposer.Propose(playbook, meeting, WorkingDays, Everyone, [Free(LocalAuthority), Free(Health), Free(Chair), Unknown(Police)], TwoHours, 3, London(2027, 2, 1, 9));

        Assert.Equal(3, slots.Count);
        Assert.All(slots, s =>
        {
            Assert.False(s.Quorate);
            Assert.Equal(["police"], s.PartnersMissing);
            Assert.Contains(Police, s.NotFree);
            Assert.Equal(3, s.RequiredFree);
        });
    }

    [Fact]
    public void A_person_missing_from_the_answer_counts_as_unknown_not_free()
    {
        var playbook = Playbook("salford");
        var meeting = Schedule.Preview(playbook, London(2027, 2, 1, 9)).Get("meeting");

        var slots = SlotProposer.Propose(playbook, meeting, WorkingDays, Everyone, [Free(LocalAuthority), Free(Police), Free(Chair)], TwoHours, 1, London(2027, 2, 1, 9));

        Assert.Equal(["health"], Assert.Single(slots).PartnersMissing);
    }

    [Fact]
    public void No_slot_starts_before_now_and_a_passed_window_offers_none()
    {
        var playbook = Playbook("oldham");
        var meeting = Schedule.Preview(playbook, London(2026, 12, 14, 9)).Get("meeting");
        var free = Everyone.Select(Free).ToList();

        var laterThatDay = SlotProposer.Propose(playbook, meeting, WorkingDays, Everyone, free, TwoHours, 40, London(2026, 12, 31, 11, 10));
        var afterwards = SlotProposer.Propose(playbook, meeting, WorkingDays, Everyone, free, TwoHours, 40, London(2027, 1, 4, 9));

        Assert.Equal([London(2026, 12, 31, 11, 30), London(2026, 12, 31, 13, 30)], laterThatDay.Select(s => s.Start).Order());
        Assert.Empty(afterwards);
    }

    [Fact]
    public void A_window_over_Easter_and_the_clocks_going_forward_keeps_London_working_hours()
    {
        var playbook = Playbook("gloucestershire");
        // Working day 8 from Thursday 18 March 2027 (itself working day 1) is Wednesday 31 March: Good
        // Friday and Easter Monday are skipped, and the clocks went forward on the 28th, so 9 am London is 8 am UTC.
        var meeting = Schedule.Preview(playbook, London(2027, 3, 18, 9)).Get("meeting");

        var slots = SlotProposer.Propose(playbook, meeting, WorkingDays, Everyone, [.. Everyone.Select(Free)], TwoHours, 1, London(2027, 3, 18, 9));

        Assert.Equal(new DateTimeOffset(2027, 3, 31, 8, 0, 0, TimeSpan.Zero), Assert.Single(slots).Start);
    }
}
