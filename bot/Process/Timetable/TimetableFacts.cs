using System.Collections.Immutable;

namespace TeamsReviewBot.Process.Timetable;

/// <summary>
/// What has happened on a case that moves its timetable: when each deadline's step actually
/// happened (or, for the meeting, when it is booked for), and deadlines a business manager moved.
/// Later deadlines anchored on a step follow the actual date once there is one.
/// <paramref name="ResubmittedAt"/> restarts the decision window when an incomplete referral comes back.
/// <paramref name="NationalPanelExpects"/> is the date the National Panel said it expects the partnership's response.
/// </summary>
public sealed record TimetableFacts(ImmutableDictionary<string, DateTimeOffset> Actual, ImmutableDictionary<string, DateTimeOffset> Moved, DateTimeOffset? ResubmittedAt = null, DateOnly? NationalPanelExpects = null)
{
    public static TimetableFacts None { get; } = new(ImmutableDictionary<string, DateTimeOffset>.Empty, ImmutableDictionary<string, DateTimeOffset>.Empty);
}
