using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision.Commands;

/// <summary>"put-to-panel RR-OLD-2026-0007": posts an open case's thread in the panel channel when
/// it could not be posted before (the bot was not yet in the channel, for instance).</summary>
public sealed class PutToPanelCommand(PostToPanel panel, PartnershipDirectory directory) : IChatCommand
{
    public string Name => "put-to-panel";

    public string Usage => "put-to-panel ‹case code›";

    public string Summary => "Post a case's thread in the panel channel if it is not there yet.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can put a case to the panel; nothing was done.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var by = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);

        var code = request.Arguments.Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            return CommandReply.Message($"Please type: {Usage}.");
        }

        try
        {
            var failure = await panel.PostAsync(code, CaseActors.From(by), cancellationToken).ConfigureAwait(false);
            return CommandReply.Message(failure is null
                ? $"Case {code} is in the panel channel."
                : $"I could not post case {code} to the panel channel: {failure}.");
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message);
        }
    }
}
