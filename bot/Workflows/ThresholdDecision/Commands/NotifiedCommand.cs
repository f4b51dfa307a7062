using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision.Commands;

/// <summary>"notified RR-OLD-2026-0007 2026-11-24": records the date the National Panel was notified.</summary>
public sealed class NotifiedCommand(RecordNotification notification, PartnershipDirectory directory) : IChatCommand
{
    public string Name => "notified";

    public string Usage => "notified ‹case code› ‹date›";

    public string Summary => "Record the date the National Panel was notified about a case (e.g. notified RR-OLD-2026-0007 24/11/2026).";

    /// <summary>Any listed person may ask; the case rules then admit business managers and the local
    /// authority's lead or deputy, and record anyone else's attempt on the case.</summary>
    public CommandAccess AccessFor(string arguments) => CommandAccess.AnyRole(
        "Only a business manager or the local authority's lead (or deputy) can record the National Panel notification; nothing was recorded.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parts = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: notified RR-OLD-2026-0007 24/11/2026.");
        }

        if (!TypedDates.TryParse(parts[1], out var date))
        {
            return CommandReply.Message($"\"{parts[1]}\" is not a date I can read; use 24/11/2026 or 2026-11-24. Nothing was recorded.");
        }

        var by = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);
        try
        {
            return CommandReply.Message(await notification.RecordAsync(parts[0].ToUpperInvariant(), date, by, cancellationToken).ConfigureAwait(false));
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message);
        }
    }
}
