using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Submission.Commands;

/// <summary>
/// "submit ‹case› [reason]": emails the report's current version with its covering letter from the
/// partnership mailbox to the National Panel and records the sent email on the case. Business managers
/// only; before the sign-off rule is met, only with a reason, which is recorded.
/// </summary>
public sealed class SubmitCommand(SubmissionService submissions, PartnershipDirectory directory) : IChatCommand
{
    public string Name => "submit";

    public string Usage => "submit ‹case code› [‹reason, if not signed off yet›]";

    public string Summary => "Emails the signed-off report with its covering letter from the partnership mailbox to the National Panel and records it on the case (business managers only; before sign-off only with a reason).";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can submit a report to the National Panel. Nothing was sent.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parts = request.Arguments.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: submit RR-OLD-2026-0007. Nothing was sent.");
        }

        var actor = CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
        var result = await submissions.SubmitAsync(parts[0].ToUpperInvariant(), actor, parts.Length > 1 ? parts[1] : null, null, cancellationToken).ConfigureAwait(false);
        return CommandReply.Message(result.Message);
    }
}
