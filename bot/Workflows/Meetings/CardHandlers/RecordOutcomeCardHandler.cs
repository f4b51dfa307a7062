using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Meetings.CardHandlers;

/// <summary>
/// "Record the outcome" on the outcome card: the chair or a business manager records the learning,
/// whether a practice review is recommended and the lead reviewer, once. A "yes" puts the review's
/// deadlines (and their reminders) in force. A repeat press finds it recorded and changes nothing.
/// </summary>
public sealed class RecordOutcomeCardHandler(CaseService cases) : ICardActionHandler
{
    public string Verb => MeetingCard.OutcomeVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager, PartnershipRole.Chair };

    public string RefusalSentence => "Only the chair or a business manager can record the meeting's outcome.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var caseCode = action.DataString(MeetingCard.CaseCodeField);
        if (string.IsNullOrWhiteSpace(caseCode))
        {
            return CardActionResult.Message("This card has lost its case code. Type \"meeting ‹case code› outcome\" for a new one. Nothing was recorded.");
        }

        var learning = action.DataString(MeetingCard.LearningInput) ?? string.Empty;
        var review = action.DataString(MeetingCard.ReviewInput) ?? string.Empty;
        var leadReviewer = action.DataString(MeetingCard.LeadReviewerInput);
        var present = action.DataString(MeetingCard.PresentInput)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var actor = CaseActors.From(action.Actor);
        try
        {
            var before = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
            var state = await cases.ExecuteAsync(
                caseCode,
                (rules, current, now) => current.ReviewRecommended is not null && before?.ReviewRecommended is null && current.ReviewRecommended == review
                    ? [] // recorded by a concurrent press of the same card
                    : HeldAndOutcome(rules, current, present, learning, review, leadReviewer, actor, now),
                cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"{state.CaseCode}: the meeting's outcome is recorded (practice review recommended: {ReviewRecommendations.Describe(state.ReviewRecommended!)})."
                + (state.ReviewDecided ? $" The review's deadlines now run; \"timetable {state.CaseCode}\" shows them." : string.Empty));
        }
        catch (CaseRuleException ex)
        {
            return CardActionResult.Message(ex.Message + " Nothing was recorded.");
        }
    }

    /// <summary>The outcome, and before it the meeting held with the partners ticked as present
    /// when the card asked (a meeting not yet recorded as held); the quorum rule refuses both if unmet.</summary>
    private static IReadOnlyList<TeamsReviewBot.Process.Streams.NewEvent> HeldAndOutcome(CaseRules rules, CaseState current, IReadOnlyList<string>? present, string learning, string review, string? leadReviewer, Actor actor, DateTimeOffset now)
    {
        var outcome = rules.RecordMeetingOutcome(current, learning, review, leadReviewer, actor, now);
        return present is null || current.MeetingHeldAt is not null
            ? outcome
            : [.. rules.HoldMeeting(current, present, actor, now), .. outcome];
    }
}
