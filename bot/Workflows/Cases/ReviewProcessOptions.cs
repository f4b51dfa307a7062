namespace TeamsReviewBot.Workflows.Cases;

public sealed class ReviewProcessOptions
{
    public const string SectionName = "ReviewProcess";

    /// <summary>Where the playbooks are; relative paths are from the app's directory. Default: playbooks.</summary>
    public string PlaybooksPath { get; set; } = "playbooks";

    /// <summary>How many working days before a deadline its first reminder comes. Default 1; 0 turns it off.</summary>
    public int ReminderWorkingDaysBefore { get; set; } = 1;

    public string ResolvedPlaybooksPath => Path.IsPathRooted(PlaybooksPath) ? PlaybooksPath : Path.Combine(AppContext.BaseDirectory, PlaybooksPath);
}
