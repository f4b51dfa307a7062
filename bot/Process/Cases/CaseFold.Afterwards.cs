using System.Collections.Immutable;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>Letters, lesson logs and erasure after the submission.</summary>
public sealed partial class CaseFold
{
    private static CaseState Afterwards(CaseState next, StoredEvent stored)
    {
        var at = stored.OccurredAt;
        switch (stored.Type)
        {
            case CaseEventTypes.OutcomeLettersPlanned:
                return next with { OutcomeLetters = [.. CaseJson.Read<OutcomeLettersPlanned>(stored.Data).Recipients] };
            case CaseEventTypes.OutcomeLetterSent:
                return next with { OutcomeLettersSent = next.OutcomeLettersSent.SetItem(CaseJson.Read<OutcomeLetterSent>(stored.Data).Recipient, at) };
            case CaseEventTypes.LessonLogsRequested:
                return next with { LessonLogsRequestedAt = at, LessonLogAgencies = [.. CaseJson.Read<LessonLogsRequested>(stored.Data).Agencies] };
            case CaseEventTypes.LessonLogReturned:
                return next with { LessonLogsReturned = next.LessonLogsReturned.SetItem(CaseJson.Read<LessonLogReturned>(stored.Data).Agency, at) };
            case CaseEventTypes.ChildDetailsErased:
                return next with { DetailsErasedAt = at };
            default:
                return next;
        }
    }
}
