using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Identity;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>Records on the case's audit trail that someone pressed a button they may not use.</summary>
public sealed partial class CardRefusals(PanelChanges changes, ILogger<CardRefusals> logger)
{
    public async Task RefuseAsync(string caseCode, string verb, TeamsActor who, string reason, CancellationToken cancellationToken)
    {
        var actor = CaseActors.From(who);
        await changes.DecideAsync(caseCode, (state, now) => DecisionRules.Refuse(state, verb, actor, reason, now), cancellationToken).ConfigureAwait(false);
        LogRefused(logger, caseCode, verb, actor.ObjectId);
    }

    /// <summary>Refuses (and records) anyone but a business manager.</summary>
    public async Task RequireBusinessManagerAsync(string caseCode, string verb, TeamsActor by, string what, CancellationToken cancellationToken)
    {
        if (by.Holds(PartnershipRole.BusinessManager))
        {
            return;
        }

        await RefuseAsync(caseCode, verb, by, $"{by.Describe()} is not a business manager.", cancellationToken).ConfigureAwait(false);
        throw new CaseRuleException($"Only a business manager can {what} on case {caseCode}; nothing was recorded. This attempt is recorded on the case's audit trail.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Verb} on case {CaseCode} by {Actor}.")]
    private static partial void LogRefused(ILogger logger, string caseCode, string verb, string actor);
}
