namespace TeamsReviewBot.Workflows.Timers;

public sealed class TimerPumpOptions
{
    public const string SectionName = "Timers";

    /// <summary>How often an instance looks for due timers.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed timer stays with its instance before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>How many times a timer is tried before it is set aside and the business managers are told.</summary>
    public int MaxAttempts { get; set; } = 5;
}
