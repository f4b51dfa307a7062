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
}
