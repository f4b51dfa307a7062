using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision.Commands;

/// <summary>
/// "record RR-TAM-2027-0003 consulted Executive Chair agreed with the majority" or
/// "record RR-WM-2027-0002 aware 08/01/2027": the business manager's records a partnership's own
/// rules wait for (the consultation a split majority needs; when the partnership became aware).
/// </summary>
public sealed class RecordCommand(RecordConsultation consultation, RecordAwareness awareness, PartnershipDirectory directory) : IChatCommand
{
    public string Name => "record";

    public string Usage => "record ‹case code› consulted ‹what was concluded› | record ‹case code› aware ‹date›";

    public string Summary => "Record the consultation a split panel's majority waits for (record RR-TAM-2027-0003 consulted Executive Chair agreed with the majority), or the date the partnership became aware of the incident where its clock counts from that (record RR-WM-2027-0002 aware 08/01/2027).";

    /// <summary>The consultation's conclusion is free text about the case, so it is typed and answered 1:1.</summary>
    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers(
        "Only a business manager can record a consultation or when the partnership became aware; nothing was recorded.",
        "what was concluded about a case is kept out of shared conversations");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parts = request.Arguments.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var what = parts.Length == 3 ? parts[1].ToLowerInvariant() : string.Empty;
        if (what is not (RecordConsultation.Verb or RecordAwareness.Verb))
        {
            return CommandReply.Message($"Please type: {Usage}. Nothing was recorded.");
        }

        var caseCode = parts[0].ToUpperInvariant();
        var by = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);
        try
        {
            if (what == RecordConsultation.Verb)
            {
                return CommandReply.Message(await consultation.RecordAsync(caseCode, parts[2], by, cancellationToken).ConfigureAwait(false));
            }

            if (!TypedDates.TryParse(parts[2], out var date))
            {
                return CommandReply.Message($"\"{parts[2]}\" is not a date I can read; use 08/01/2027 or 2027-01-08. Nothing was recorded.");
            }

            return CommandReply.Message(await awareness.RecordAsync(caseCode, date, by, cancellationToken).ConfigureAwait(false));
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message);
        }
    }
}
