using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Meetings;

/// <summary>
/// Proposes meeting slots inside the playbook's meeting window (its earliest to its due working
/// day), in London working hours on working days only, starting on the half hour and not before
/// <c>now</c>. Slots where every statutory partner has someone free come first, then those with
/// the most required invitees free, then the earliest; the offered slots never overlap.
/// </summary>
public static class SlotProposer
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<MeetingSlot> Propose(
        Playbook playbook,
        TimetableEntry meeting,
        WorkingDayCalendar calendar,
        IReadOnlyList<Invitee> invitees,
        IReadOnlyList<Availability> availability,
        TimeSpan length,
        int howMany,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(calendar);
        var byAddress = availability.ToDictionary(a => a.Address, StringComparer.OrdinalIgnoreCase);
        var candidates = WorkingStarts(playbook, calendar, meeting.EarliestDate ?? meeting.DueDate, meeting.DueDate, length)
            .Where(start => start > now)
            .Select(start => Assess(playbook, invitees, byAddress, start, start + length))
            .ToList();

        var chosen = new List<MeetingSlot>();
        foreach (var slot in candidates.OrderByDescending(s => s.Quorate).ThenByDescending(s => s.RequiredFree).ThenBy(s => s.Start))
        {
            if (chosen.Count == howMany)
            {
                break;
            }

            if (!chosen.Any(c => c.Start < slot.End && c.End > slot.Start))
            {
                chosen.Add(slot);
            }
        }

        return chosen;
    }

    /// <summary>Every start on the half hour from <paramref name="firstDay"/> to <paramref name="lastDay"/>, on
    /// working days, at which <paramref name="length"/> fits inside the playbook's London working hours.</summary>
    public static IEnumerable<DateTimeOffset> WorkingStarts(Playbook playbook, WorkingDayCalendar calendar, DateOnly firstDay, DateOnly lastDay, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(calendar);
        for (var date = firstDay; date <= lastDay; date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date))
            {
                continue;
            }

            var dayEnds = WorkingDayCalendar.AtLondon(date, playbook.Clock.WorkingDayEnds);
            for (var start = WorkingDayCalendar.AtLondon(date, playbook.Clock.WorkingDayStarts); start + length <= dayEnds; start += Step)
            {
                yield return start;
            }
        }
    }

    /// <summary>Who of <paramref name="invitees"/> is free for one given time (a time someone proposed, say).</summary>
    public static MeetingSlot Assess(Playbook playbook, IReadOnlyList<Invitee> invitees, IReadOnlyList<Availability> availability, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(invitees);
        ArgumentNullException.ThrowIfNull(availability);
        return Assess(playbook, invitees, availability.ToDictionary(a => a.Address, StringComparer.OrdinalIgnoreCase), start, end);
    }

    private static MeetingSlot Assess(Playbook playbook, IReadOnlyList<Invitee> invitees, Dictionary<string, Availability> byAddress, DateTimeOffset start, DateTimeOffset end)
    {
        var free = invitees.Where(i => byAddress.TryGetValue(i.Address, out var a) && a.IsFreeFor(start, end)).ToList();
        var notFree = invitees.Except(free).ToList();
        var missing = playbook.Meeting.QuorumPartners.Where(p => !free.Any(i => string.Equals(i.Partner, p, StringComparison.Ordinal))).ToList();
        return new MeetingSlot(start, end, free, notFree, missing);
    }
}
