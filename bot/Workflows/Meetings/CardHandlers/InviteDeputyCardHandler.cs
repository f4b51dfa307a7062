using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Meetings.CardHandlers;

/// <summary>
/// A business manager presses "Invite ‹name›" on the quorum warning: that deputy is added to the
/// booked meeting's calendar event (the same invitation), once however often it is pressed. Only a
/// deputy the partnership lists is accepted, whatever address the pressed card carries.
/// </summary>
public sealed partial class InviteDeputyCardHandler(MeetingService meetings, PartnershipDirectory directory, ILogger<InviteDeputyCardHandler> logger) : ICardActionHandler
{
    public string Verb => QuorumWarningCard.InviteVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager };

    public string RefusalSentence => "Only a business manager can invite a deputy to the Rapid Review meeting.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var caseCode = action.DataString(QuorumWarningCard.CaseCodeField)?.Trim().ToUpperInvariant();
        var address = action.DataString(QuorumWarningCard.AddressField)?.Trim();
        var deputy = address is null ? null : directory.WithRole(PartnershipRole.Deputy)
            .FirstOrDefault(d => string.Equals(d.Email?.Trim(), address, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(caseCode) || deputy is null)
        {
            return CardActionResult.Message("This button does not name a case and a deputy the partnership lists. Type \"meeting ‹case code› invite ‹email address›\" instead. Nobody was invited.");
        }

        var name = deputy.Name ?? address!;
        try
        {
            var (state, added) = await meetings.InviteAsync(caseCode, address!, name, CaseActors.From(action.Actor), cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message(added
                ? $"{state.CaseCode}: {name} is added to the meeting's invitation (the same calendar event, so Microsoft 365 sends them the invitation)."
                : $"{state.CaseCode}: {name} is already on the meeting's invitation; nothing more was sent.");
        }
        catch (CaseRuleException ex)
        {
            return CardActionResult.Message(ex.Message + " Nobody was invited.");
        }
        catch (Exception ex) when (ex is ODataError or HttpRequestException or InvalidOperationException)
        {
            LogInviteFailed(caseCode, ex.GetType().Name);
            return CardActionResult.Message($"Microsoft 365 did not add {name} to the meeting for {caseCode}. Press the button again: a deputy is never invited twice.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Adding a deputy to the meeting of {CaseCode} failed at Graph ({Failure}).")]
    private partial void LogInviteFailed(string caseCode, string failure);
}
