namespace TeamsReviewBot.Process.Cases;

/// <summary>Where a case is in its life, from referral to closure.</summary>
public enum CaseStage
{
    Referred,
    AwaitingDecision,
    RapidReview,
    NoFurtherAction,
    OtherLearningRoute,
    IncompleteResubmissionDue,
    Escalated,
    NationalPanelNotified,
    InformationRequested,
    ReturnsComplete,
    ReturnsOverdue,
    MeetingScheduled,
    MeetingHeld,
    ReportDrafted,
    SignedOff,
    Submitted,
    Afterwards,
    Closed,
}

public static class CaseStageNames
{
    /// <summary>How a business manager would say it.</summary>
    public static string Describe(CaseStage stage) => stage switch
    {
        CaseStage.Referred => "referred",
        CaseStage.AwaitingDecision => "awaiting the panel's decision",
        CaseStage.RapidReview => "going to Rapid Review",
        CaseStage.NoFurtherAction => "no further action",
        CaseStage.OtherLearningRoute => "on another learning route",
        CaseStage.IncompleteResubmissionDue => "incomplete, waiting for the referral to be re-submitted",
        CaseStage.Escalated => "escalated",
        CaseStage.NationalPanelNotified => "National Panel notified",
        CaseStage.InformationRequested => "information requested from agencies",
        CaseStage.ReturnsComplete => "agency returns complete",
        CaseStage.ReturnsOverdue => "agency returns overdue",
        CaseStage.MeetingScheduled => "meeting scheduled",
        CaseStage.MeetingHeld => "meeting held",
        CaseStage.ReportDrafted => "report drafted",
        CaseStage.SignedOff => "signed off",
        CaseStage.Submitted => "submitted to the National Panel",
        CaseStage.Afterwards => "in its afterwards steps",
        CaseStage.Closed => "closed",
        _ => stage.ToString(),
    };
}
