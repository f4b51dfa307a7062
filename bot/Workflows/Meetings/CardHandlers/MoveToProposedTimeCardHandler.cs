using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Meetings.CardHandlers;

/// <summary>
/// A business manager presses "Move the meeting to this time" under a time an invitee proposed: the
/// same calendar event moves there (attendees get an update) and the case records it as proposed by
/// them; the card is replaced by the meeting as it now stands, headed by what happened. The time and
/// who proposed it are checked against the case, whatever the pressed card carries.
/// </summary>
public sealed partial class MoveToProposedTimeCardHandler(MeetingProposals proposals, CaseService cases, ILogger<MoveToProposedTimeCardHandler> logger) : ICardActionHandler
{
    public string Verb => MeetingCard.MoveToProposedVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager };

    public string RefusalSentence => "Only a business manager can move the Rapid Review meeting.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var caseCode = action.DataString(MeetingCard.CaseCodeField)?.Trim().ToUpperInvariant();
        var address = action.DataString(MeetingCard.AddressField)?.Trim();
        if (string.IsNullOrWhiteSpace(caseCode) || string.IsNullOrWhiteSpace(address)
            || !DateTimeOffset.TryParse(action.DataString(MeetingCard.StartField), CultureInfo.InvariantCulture, DateTimeStyles.None, out var proposed)
            || !DateTimeOffset.TryParse(action.DataString(MeetingCard.ShownAtField), CultureInfo.InvariantCulture, DateTimeStyles.None, out var shownAt))
        {
            return CardActionResult.Message("This card has lost its case or times. Type \"meeting ‹case code›\" for a new one. Nothing was changed.");
        }

        try
        {
            var result = await proposals.MoveAsync(caseCode, address, proposed, shownAt, action.DataString(MeetingCard.MoveReasonInput), CaseActors.From(action.Actor), cancellationToken).ConfigureAwait(false);
            var open = await proposals.OpenAsync(result.State, cancellationToken).ConfigureAwait(false);
            return CardActionResult.Card(MeetingCard.Booked(result.State, cases.Playbooks.Get(result.State.Partnership).Meeting.QuorumPartners, open, result.Notice));
        }
        catch (CaseRuleException ex)
        {
            return CardActionResult.Message(ex.Message + " Nothing was changed.");
        }
        catch (Exception ex) when (ex is ODataError or HttpRequestException or InvalidOperationException)
        {
            LogMoveFailed(caseCode, ex.GetType().Name);
            return CardActionResult.Message($"Microsoft 365 did not move the meeting for {caseCode} to {BritishDates.DateAndTime(proposed)}. Press the button again: a retry moves the same meeting once.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving the meeting of {CaseCode} to a proposed time failed at Graph ({Failure}).")]
    private partial void LogMoveFailed(string caseCode, string failure);
}
