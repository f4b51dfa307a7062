using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Workflows.Meetings;

namespace TeamsReviewBot.Commands;

/// <summary>
/// "meeting RR-OLD-2026-0007": the booked meeting, or the best slots to book it in, from the
/// invitees' calendars. Business managers only, in a personal chat (the card lists who is free).
/// </summary>
public sealed partial class MeetingCommand(MeetingService meetings, ILogger<MeetingCommand> logger) : IChatCommand
{
    public string Name => "meeting";

    public string Usage => "meeting ‹case code›";

    public string Summary => "The case's Rapid Review meeting: when it is and its Teams link, or the best slots to book it in (business managers only).";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers(
        "Only a business manager can arrange the Rapid Review meeting. Nothing was changed.",
        "the meeting card shows who is free and the Teams link");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var caseCode = request.Arguments.Trim().ToUpperInvariant();
        if (caseCode.Length == 0 || caseCode.Contains(' ', StringComparison.Ordinal))
        {
            return CommandReply.Message($"Please type: {Usage}, for example: meeting RR-OLD-2026-0007.");
        }

        try
        {
            var proposal = await meetings.ProposeAsync(caseCode, cancellationToken).ConfigureAwait(false);
            if (proposal.Case.MeetingEventId is not null)
            {
                return CommandReply.WithCard(MeetingCard.Booked(proposal.Case), $"{proposal.Case.CaseCode}: the meeting is on {BritishDates.DateAndTime(proposal.Case.MeetingAt!.Value)}.");
            }

            var name = MeetingInvitation.MeetingName(proposal.Playbook);
            return CommandReply.WithCard(
                MeetingCard.Slots(proposal.Case.CaseCode, name, proposal.Slots, proposal.Invitees.Count),
                proposal.Slots.Count == 0 ? $"{proposal.Case.CaseCode}: no time is left in the window." : $"{proposal.Case.CaseCode}: {proposal.Slots.Count} times to choose from.");
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message);
        }
        catch (ODataError ex)
        {
            LogCalendarsFailed(caseCode, ex.ResponseStatusCode);
            return CommandReply.Message($"Microsoft 365 did not give me the calendars for {caseCode}; please try again in a minute.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading calendars for {CaseCode} failed at Graph with status {Status}.")]
    private partial void LogCalendarsFailed(string caseCode, int status);
}
