namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>Configuration section "Meeting".</summary>
public sealed class MeetingOptions
{
    public const string SectionName = "Meeting";

    /// <summary>The licensed user whose calendar holds the Teams meeting (a shared mailbox cannot
    /// organise one; see docs/graph-behaviour.md). No organiser, no booking.</summary>
    public string? Organiser { get; set; }

    public int LengthMinutes { get; set; } = 120;

    public int SlotsOffered { get; set; } = 5;

    /// <summary>Public HTTPS URL of POST /api/notifications/events as Graph reaches it; by default
    /// Graph:NotificationUrl followed by "/events".</summary>
    public string? NotificationUrl { get; set; }

    /// <summary>How often the organiser's events subscription is checked (renewed past half-life) and
    /// the booked meetings' answers are read again, in case a notification never came.</summary>
    public TimeSpan ResponsesCheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}
