using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// A card click whose storage call failed or timed out may still have been stored: a write that
/// outlived the client's timeout can land, and a retried append finds its own events already there.
/// So the answer is not guessed from the exception: the case is read again, on a short budget of its
/// own, and the click is answered with what the stream holds — the card as it now stands when the
/// click's effect is there, or "could not be confirmed; nothing is lost if you press again" when it
/// is not (every click is decided on the stream, so pressing again never doubles anything).
/// </summary>
public sealed partial class UnconfirmedClicks(CaseService cases, ILogger<UnconfirmedClicks> logger)
{
    /// <summary>How long the re-read may take: the person is waiting on the card.</summary>
    public static readonly TimeSpan RereadBudget = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="click"/>; when storage fails under it, answers from the case as it is
    /// stored: <paramref name="whenStored"/> returns the answer when the click's effect is on the
    /// stream, or null when it is not. <paramref name="what"/> names the effect ("your vote").
    /// </summary>
    public async Task<CardActionResult> AnswerAsync(
        string caseCode,
        string verb,
        string what,
        Func<CancellationToken, Task<CardActionResult>> click,
        Func<CaseState, CancellationToken, Task<CardActionResult?>> whenStored,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        ArgumentNullException.ThrowIfNull(whenStored);
        try
        {
            return await click(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex, cancellationToken))
        {
            LogStorageFailed(caseCode, verb, ex.GetType().Name);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(RereadBudget);
        try
        {
            var stored = await cases.LoadAsync(caseCode, budget.Token).ConfigureAwait(false);
            if (stored.Exists && await whenStored(stored, budget.Token).ConfigureAwait(false) is { } answer)
            {
                LogConfirmed(caseCode, verb);
                return answer;
            }
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex, cancellationToken))
        {
            LogRereadFailed(caseCode, verb, ex.GetType().Name);
        }

        return CardActionResult.Message(CouldNotConfirm(what));
    }

    /// <summary>The answer when storage did not say whether the click was stored.</summary>
    public static string CouldNotConfirm(string what) =>
        $"Storage was too slow to answer, so {what} could not be confirmed; nothing is lost if you press again (a second press never counts twice).";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage failed under {Verb} on case {CaseCode} ({Failure}); reading the case again to answer truthfully.")]
    private partial void LogStorageFailed(string caseCode, string verb, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} on case {CaseCode} was stored despite the storage failure; answered from the stream.")]
    private partial void LogConfirmed(string caseCode, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading case {CaseCode} again after {Verb} failed too ({Failure}); answered that it could not be confirmed.")]
    private partial void LogRereadFailed(string caseCode, string verb, string failure);
}
