namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// ThresholdDecision:* settings. Panels:{playbook key}:ChannelId is the Teams channel whose threads
/// carry that partnership's cases; SeatAssignments gives a person a voting seat their role alone
/// does not name (e.g. a deputy chair); DefaultPartnership preselects the refer form.
/// </summary>
public sealed class ThresholdDecisionOptions
{
    public const string SectionName = "ThresholdDecision";

    public IDictionary<string, PanelChannelOptions> Panels { get; } = new Dictionary<string, PanelChannelOptions>(StringComparer.OrdinalIgnoreCase);

    public IList<SeatAssignmentOptions> SeatAssignments { get; } = [];

    public string? DefaultPartnership { get; set; }
}

public sealed class PanelChannelOptions
{
    /// <summary>The channel id (19:…@thread.tacv2) as Teams sends it in channelData.channel.id.</summary>
    public string? ChannelId { get; set; }
}

public sealed class SeatAssignmentOptions
{
    public string? AadObjectId { get; set; }

    /// <summary>The playbook this assignment applies to; every playbook when empty.</summary>
    public string? Partnership { get; set; }

    public string? Seat { get; set; }

    /// <summary>True when the person votes as the seat's deputy.</summary>
    public bool Deputy { get; set; }
}
