using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Meetings.CardHandlers;

/// <summary>A business manager picks a slot on the meeting card: the Teams meeting is booked (once)
/// and the card is replaced by the booked meeting. A press storage fails under is answered from the case as stored.</summary>
public sealed partial class BookMeetingCardHandler(MeetingService meetings, TeamsReviewBot.Workflows.Cases.CaseService cases, TeamsReviewBot.Workflows.Cases.UnconfirmedClicks unconfirmed, ILogger<BookMeetingCardHandler> logger) : ICardActionHandler
{
    public string Verb => MeetingCard.BookVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager };

    public string RefusalSentence => "Only a business manager can book the Rapid Review meeting.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var caseCode = action.DataString(MeetingCard.CaseCodeField);
        if (string.IsNullOrWhiteSpace(caseCode)
            || !DateTimeOffset.TryParse(action.DataString(MeetingCard.StartField), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return CardActionResult.Message("This card has lost its case or time. Type \"meeting ‹case code›\" for a new one. Nothing was booked.");
        }

        return await unconfirmed.AnswerAsync(
            caseCode,
            Verb,
            "the booking",
            ct => BookAsync(caseCode, start, action, ct),
            async (stored, ct) => stored.MeetingEventId is not null && stored.MeetingAt == start
                ? Booked(await meetings.BookAsync(caseCode, start, CaseActors.From(action.Actor), ct).ConfigureAwait(false))
                : null,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CardActionResult> BookAsync(string caseCode, DateTimeOffset start, CardAction action, CancellationToken cancellationToken)
    {
        try
        {
            return Booked(await meetings.BookAsync(caseCode, start, CaseActors.From(action.Actor), cancellationToken).ConfigureAwait(false));
        }
        catch (CaseRuleException ex)
        {
            return CardActionResult.Message(ex.Message + " Nothing was booked.");
        }
        catch (Exception ex) when (ex is ODataError or HttpRequestException or InvalidOperationException)
        {
            LogBookingFailed(caseCode, ex.GetType().Name);
            return CardActionResult.Message($"Microsoft 365 did not book the meeting for {caseCode} ({BritishDates.DateAndTime(start)}). Press the slot again: a retry never makes a second meeting.");
        }
    }

    private CardActionResult Booked(CaseState state) =>
        CardActionResult.Card(MeetingCard.Booked(state, cases.Playbooks.Get(state.Partnership).Meeting.QuorumPartners));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking the meeting for {CaseCode} failed at Graph ({Failure}); nothing was recorded.")]
    private partial void LogBookingFailed(string caseCode, string failure);
}
