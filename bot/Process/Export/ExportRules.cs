using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Export;

/// <summary>What exporting a case's audit trail records on the case.</summary>
public static class ExportRules
{
    /// <summary>The export event; the files then hold every event up to and including it.</summary>
    public static IReadOnlyList<NewEvent> Export(CaseState state, string exportId, bool childDetails, string delivery, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId}.");
        }

        var exported = new AuditTrailExported(exportId, childDetails, delivery, actor, "Audit trail exported on request in Teams.");
        return [new NewEvent(CaseEventTypes.AuditTrailExported, CaseJson.Write(exported), now)];
    }
}
