using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.Process.Meetings;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>Graph's free/busy answers as the process rules read them: each person's busy times, or null when unknown.</summary>
public static class FreeBusyAvailability
{
    public static IReadOnlyList<Availability> From(IEnumerable<FreeBusy> answers) =>
        [.. answers.Select(a => new Availability(a.Address, a.Busy?.Select(b => new BusySpan(b.Start, b.End)).ToList()))];
}
