using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Afterwards;

/// <summary>The audit-trail lines of the afterwards events; null for any other event.</summary>
public static class AfterwardsTrail
{
    public static string? Line(StoredEvent e, Func<Actor, string> who)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(who);
        switch (e.Type)
        {
            case CaseEventTypes.OutcomeLettersPlanned:
                var planned = CaseJson.Read<OutcomeLettersPlanned>(e.Data);
                return $"{who(planned.Actor)} planned the outcome letters: {planned.Reason}";
            case CaseEventTypes.OutcomeLetterSent:
                var sent = CaseJson.Read<OutcomeLetterSent>(e.Data);
                return $"{who(sent.Actor)} sent the outcome letter: {sent.Reason}";
            case CaseEventTypes.LessonLogsRequested:
                var asked = CaseJson.Read<LessonLogsRequested>(e.Data);
                return $"{who(asked.Actor)} asked for the lesson logs: {asked.Reason}";
            case CaseEventTypes.LessonLogReturned:
                var back = CaseJson.Read<LessonLogReturned>(e.Data);
                return $"{who(back.Actor)} recorded a returned lesson log: {back.Reason}";
            case CaseEventTypes.ChildDetailsErased:
                var erased = CaseJson.Read<ChildDetailsErased>(e.Data);
                return $"{who(erased.Actor)} erased the child's details: {erased.Reason}";
            default:
                return null;
        }
    }
}
