using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// The business managers' sign-off notices (<see cref="SignOffManagerNotices"/>) as a step of the
/// case's follow-up row: the row is written in the same transaction as the answer or version that
/// owes a notice and stays until the notice is recorded, so a crash between the append and the
/// notice is made good after the restart, and the click that owed it answers without waiting.
/// Whether one is owed is read from the case in memory: an answer that owes none costs nothing here.
/// </summary>
public sealed class SignOffNoticeStep(IServiceProvider services) : ICaseFollowUpStep
{
    public bool IsOwed(CaseState state) => SignOffManagerNotices.Owed(state).Count > 0;

    // Resolved when used: the sender writes through CaseService, which holds the steps.
    public Task CarryOutAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return services.GetRequiredService<SignOffNoticeSender>().SendAsync(state, cancellationToken);
    }
}
