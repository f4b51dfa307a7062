namespace TeamsReviewBot.Process.Cases;

/// <summary>How the report reached the National Panel, and what the Panel answered.</summary>
public sealed record SubmissionRecord(DateTimeOffset At, string To, string By, string? MessageId, int? Version, string? Sha256, string? BeforeSignOffReason);

/// <summary>The submission to the National Panel, beside the stage it completes.</summary>
public sealed partial record CaseState
{
    /// <summary>The submission, once recorded; <see cref="SubmittedAt"/> says when.</summary>
    public SubmissionRecord? Submission { get; init; }
}
