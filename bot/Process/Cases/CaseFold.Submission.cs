using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>What the submission event says beyond its time: to whom, by whom, which email and version.</summary>
public sealed partial class CaseFold
{
    private static CaseState Submission(CaseState next, StoredEvent stored)
    {
        if (stored.Type != CaseEventTypes.Submitted)
        {
            return next;
        }

        var e = CaseJson.Read<Submitted>(stored.Data);
        return next with { Submission = new SubmissionRecord(stored.OccurredAt, e.To, e.Actor.Name, e.MessageId, e.Version, e.Sha256, e.BeforeSignOffReason) };
    }
}
