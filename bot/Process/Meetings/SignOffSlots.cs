using System.Net;
using System.Text;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Meetings;

/// <summary>What a case's sign-off slot needs next.</summary>
public enum SignOffSlotStep
{
    None,
    Book,
    Move,
    Cancel,
}

/// <summary>A time chosen for the sign-off slot, with who of those invited is free then.</summary>
public sealed record SignOffSlotChoice(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Invitee> Free);

/// <summary>
/// The decision makers' sign-off slot, where the playbook asks for one (<see cref="SignOffSlotRule"/>):
/// booked once the meeting is, in the diaries of the people who sign the report off, at the first time
/// after the meeting when the most of them are free, no later than the day the sign-off is due; moved
/// when the meeting moves, cancelled when it is cancelled, and left alone once the report is signed
/// off or the meeting held. Its invitation names the case by code only: it sits in calendars outside
/// the partnership's tenant.
/// </summary>
public static class SignOffSlots
{
    public const string TimerKind = "sign-off-slot";

    public static string TimerId(string caseCode) => $"{caseCode}:sign-off-slot";

    public static SignOffSlotStep Next(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        if (state.SignedOffAt is not null || state.MeetingHeldAt is not null)
        {
            return SignOffSlotStep.None;
        }

        var slot = state.SignOffSlot;
        if (playbook.Meeting.SignOffSlot is null || state.MeetingEventId is null || state.MeetingAt is not { } meetingAt)
        {
            return slot is null ? SignOffSlotStep.None : SignOffSlotStep.Cancel;
        }

        return slot is null ? SignOffSlotStep.Book
            : slot.MeetingAt != meetingAt ? SignOffSlotStep.Move
            : SignOffSlotStep.None;
    }

    /// <summary>
    /// The slot's time: on the half hour, inside the playbook's London working hours on working days,
    /// from the meeting's end (and not before <paramref name="now"/>) to the end of <paramref name="dueDate"/>;
    /// the time the most invitees are free comes first, then the earliest. Null when no working time is left.
    /// </summary>
    public static SignOffSlotChoice? Choose(
        Playbook playbook,
        WorkingDayCalendar calendar,
        DateTimeOffset meetingEnds,
        DateOnly dueDate,
        IReadOnlyList<Invitee> invitees,
        IReadOnlyList<Availability> availability,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(invitees);
        ArgumentNullException.ThrowIfNull(availability);
        var rule = playbook.Meeting.SignOffSlot ?? throw new InvalidOperationException($"The {playbook.Name} playbook books no sign-off slot.");
        var length = TimeSpan.FromMinutes(rule.Minutes);
        var byAddress = availability.ToDictionary(a => a.Address, StringComparer.OrdinalIgnoreCase);
        var notBefore = meetingEnds > now ? meetingEnds : now;
        SignOffSlotChoice? best = null;
        foreach (var start in SlotProposer.WorkingStarts(playbook, calendar, WorkingDayCalendar.LondonDate(meetingEnds), dueDate, length).Where(s => s >= notBefore))
        {
            var free = invitees.Where(i => byAddress.TryGetValue(i.Address, out var a) && a.IsFreeFor(start, start + length)).ToList();
            if (best is null || free.Count > best.Free.Count)
            {
                best = new SignOffSlotChoice(start, start + length, free);
            }
        }

        return best;
    }

    public static string Subject(string caseCode) => $"Rapid Review sign-off – {caseCode}";

    /// <summary>The invitation's body; <paramref name="signers"/> are the signing seats' titles
    /// ("SSCP Independent Adviser", "Police decision maker", …).</summary>
    public static string BodyHtml(Playbook playbook, string caseCode, DateTimeOffset meetingAt, IReadOnlyList<string> signers)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(signers);
        var html = new StringBuilder();
        html.Append("<p>").Append(Encode($"{playbook.Name}: time in the decision makers' diaries to sign off the Rapid Review report and documents for case {caseCode} to the National Panel, after the meeting on {BritishDates.DateAndTime(meetingAt)} (UK time).")).Append("</p>");
        if (signers.Count > 0)
        {
            html.Append("<p>").Append(Encode($"For the {Joined(signers)}.")).Append("</p>");
        }

        html.Append("<p>").Append(Encode("The report and the sign-off card come to you in Teams; this is the time set aside to read and answer them. Please keep this case's details to the secure papers, not this invitation.")).Append("</p>");
        return html.ToString();
    }

    /// <summary>The create's idempotency key: the same case and booking always give the same key, so a
    /// retry gets back the event Graph already made. It never contains "-meeting-", so the meeting's
    /// answers are not read from it.</summary>
    public static string TransactionId(string caseCode, int booking)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseCode);
        return $"{caseCode.ToLowerInvariant()}-sign-off-{booking}";
    }

    private static string Joined(IReadOnlyList<string> titles) =>
        titles.Count == 1 ? titles[0] : string.Join(", ", titles.Take(titles.Count - 1)) + " and " + titles[^1];

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
