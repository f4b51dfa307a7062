using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.InformationRequests.CardHandlers;

/// <summary>
/// "Send requests" on the agency selection card: records the choice and sends (or schedules) the
/// requests, then answers with where they stand. A repeat (a Teams retry, a second press) finds the
/// agencies already chosen and sent and changes nothing.
/// </summary>
public sealed class SendRequestsCardHandler(InformationRequestService requests, TimeProvider time) : ICardActionHandler
{
    public string Verb => AgencySelectionCard.Verb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager };

    public string RefusalSentence => "Only a business manager can send information requests to agencies.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var caseCode = action.DataString("caseCode");
        if (string.IsNullOrWhiteSpace(caseCode))
        {
            return CardActionResult.Message("This card has lost its case code. Type `requests ‹case code› choose` for a new one.");
        }

        var agencies = (action.DataString(AgencySelectionCard.AgenciesInput) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var book = await requests.ChooseAsync(caseCode, agencies, action.DataString(AgencySelectionCard.ChildInput), action.Actor.AadObjectId ?? action.Actor.TeamsUserId, action.Actor.DisplayName, cancellationToken).ConfigureAwait(false);
            return CardActionResult.Card(ReturnStatusCard.Create(book, WorkingDayCalendar.LondonDate(time.GetUtcNow())));
        }
        catch (Exception ex) when (ex is RequestRuleException or CaseRuleException)
        {
            return CardActionResult.Message(ex.Message);
        }
    }
}
