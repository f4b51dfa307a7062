using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.Report.CardHandlers;

/// <summary>"Store as version N" or "Don't store" on the question about a report file attached in chat.
/// Open to those who may add a version (the chair, a business manager); the decision then admits only
/// the person who attached the file.</summary>
public sealed class HeldReportVersionCardHandler(HeldReportVersionDecision decision) : ICardActionHandler
{
    public string Verb => HeldReportVersionCard.Verb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>(ReportFileFromChat.Authors);

    public string RefusalSentence => "Only the person who attached this file can store it as a version of the report.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode
            || action.DataString("sha256") is not { Length: 64 } sha256
            || !sha256.All(char.IsAsciiHexDigit)
            || action.DataString("choice") is not { Length: > 0 } choice)
        {
            return CardActionResult.Message("This card does not say which case and file it is about; nothing was stored.");
        }

        return await decision.DecideAsync(caseCode, sha256.ToLowerInvariant(), choice, action.Actor, action.Source, cancellationToken).ConfigureAwait(false);
    }
}
