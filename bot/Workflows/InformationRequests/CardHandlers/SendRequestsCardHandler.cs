using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.InformationRequests.CardHandlers;

/// <summary>
/// "Send requests" on the agency selection card: records the choice and sends (or schedules) the
/// requests, then answers with where they stand. A repeat (a Teams retry, a second press) finds the
/// agencies already chosen and sent and changes nothing.
/// </summary>
public sealed class SendRequestsCardHandler(InformationRequestService requests, UnconfirmedClicks unconfirmed, TimeProvider time) : ICardActionHandler
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
        return await unconfirmed.AnswerAsync(
            caseCode,
            Verb,
            "your choice of agencies",
            async ct =>
            {
                try
                {
                    var book = await requests.ChooseAsync(caseCode, agencies, action.DataString(AgencySelectionCard.ChildInput), action.Actor.AadObjectId ?? action.Actor.TeamsUserId, action.Actor.DisplayName, ct).ConfigureAwait(false);
                    return CardActionResult.Card(ReturnStatusCard.Create(book, WorkingDayCalendar.LondonDate(time.GetUtcNow())));
                }
                catch (Exception ex) when (ex is RequestRuleException or CaseRuleException)
                {
                    return CardActionResult.Message(ex.Message);
                }
            },
            (stored, _) => Task.FromResult(Stored(stored, caseCode, agencies)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a storage failure: the chosen agencies on the case, and whether their letters
    /// are out. A choice stored before its send timer was set is said so: pressing again sets it.</summary>
    private CardActionResult? Stored(CaseState stored, string caseCode, string[] agencies)
    {
        var book = stored.Requests;
        var chosen = agencies.Select(name => book.Requests.Values.FirstOrDefault(r => string.Equals(r.Agency.Name, name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (agencies.Length == 0 || chosen.Any(r => r is null))
        {
            return null;
        }

        return chosen.All(r => r!.Status != RequestStatus.Planned)
            ? CardActionResult.Card(ReturnStatusCard.Create(book, WorkingDayCalendar.LondonDate(time.GetUtcNow())))
            : CardActionResult.Message($"The agencies you chose for {caseCode} ({string.Join(", ", agencies)}) are recorded on the case, but storage was too slow to confirm when their requests go. Press Send requests again to make sure: nothing is chosen or sent twice.");
    }
}
