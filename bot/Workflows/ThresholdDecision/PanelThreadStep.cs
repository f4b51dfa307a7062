using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// Posts the panel thread of a case the refer form opened and put to the panel in one append, as a
/// step of the case's follow-up row: the row is written in that append's transaction and stays until
/// the thread is recorded on the case, so the thread is posted after the business manager's answer
/// and still after a crash or a restart. A post Teams refuses keeps the row, and the next look
/// (the worker's sweep) tries again. Only such a case owes it: one put to the panel with its
/// thread (mail intake, put-to-panel) records the thread in the same append.
/// </summary>
public sealed partial class PanelThreadStep(IServiceProvider services, PlaybookCatalogue playbooks, PanelThread thread, ILogger<PanelThreadStep> logger) : ICaseFollowUpStep
{
    public bool IsOwed(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Exists
            && state.Thread is null
            && state.PutToPanelAt is { } put && put == state.OpenedAt
            && playbooks.Find(state.Partnership) is { } playbook
            && thread.Unconfigured(playbook) is null;
    }

    public async Task CarryOutAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);

        // Resolved when used: posting appends through CaseService, which holds the steps.
        var post = services.GetRequiredService<PostToPanel>();

        // The case as it stands after the steps before this one (a decision's notices): the card shows it.
        var current = await services.GetRequiredService<CaseService>().CurrentAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        if (current.Thread is not null)
        {
            return;
        }

        var (_, failure) = await post.StartThreadAsync(current, Actor.System, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            LogNotPosted(logger, state.CaseCode, failure);
            throw new PanelThreadNotPostedException(state.CaseCode, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseCode}'s panel thread could not be posted ({Failure}); it stays owed and is tried again.")]
    private static partial void LogNotPosted(ILogger logger, string caseCode, string failure);
}

/// <summary>Teams did not take a case's panel thread; the case's follow-up stays owed.</summary>
public sealed class PanelThreadNotPostedException(string caseCode, string failure)
    : Exception($"The panel thread of case {caseCode} could not be posted: {failure}")
{
    /// <summary>Why, in a sentence the business manager can act on.</summary>
    public string Failure { get; } = failure;
}
