using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace TeamsReviewBot.GraphIntegration.Calendar;

/// <summary>A person's busy time between two instants, or null <see cref="Busy"/> when Graph could
/// not tell (someone outside the tenant, an unknown address): availability unknown, never free.</summary>
public sealed record FreeBusy(string Address, IReadOnlyList<BusyTime>? Busy, string? Unknown = null)
{
    public bool IsKnown => Busy is not null;
}

/// <summary>One busy block; <paramref name="Status"/> is Graph's freeBusyStatus (tentative, busy, oof).</summary>
public sealed record BusyTime(DateTimeOffset Start, DateTimeOffset End, string Status);

/// <summary>Reads free/busy through calendar/getSchedule on one mailbox's calendar (application
/// Calendars.Read), asking for UTC so every instant comes back unambiguous.</summary>
public sealed class FreeBusyReader(GraphServiceClient graph)
{
    public async Task<IReadOnlyList<FreeBusy>> ReadAsync(string mailbox, IReadOnlyList<string> addresses, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            return [];
        }

        var response = await graph.Users[mailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            new GetSchedulePostRequestBody
            {
                Schedules = [.. addresses],
                StartTime = GraphTimes.Utc(from),
                EndTime = GraphTimes.Utc(to),
                AvailabilityViewInterval = 30,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var answers = response?.Value ?? [];
        return [.. addresses.Select(address =>
        {
            var answer = answers.FirstOrDefault(a => string.Equals(a.ScheduleId, address, StringComparison.OrdinalIgnoreCase));
            if (answer is null || answer.Error is not null)
            {
                return new FreeBusy(address, null, answer?.Error?.ResponseCode ?? "no answer");
            }

            return new FreeBusy(address, [.. (answer.ScheduleItems ?? [])
                .Where(i => i.Status is not (FreeBusyStatus.Free or FreeBusyStatus.WorkingElsewhere))
                .Select(i => new BusyTime(GraphTimes.Instant(i.Start!), GraphTimes.Instant(i.End!), i.Status?.ToString().ToLowerInvariant() ?? "busy"))]);
        })];
    }
}
