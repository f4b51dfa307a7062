using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Meetings;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Meetings.Commands;

/// <summary>
/// "meeting RR-OLD-2026-0007": the booked meeting, or the best slots to book it in, from the
/// invitees' calendars; "… move 2027-01-20 10:00 ‹reason›" moves the same calendar event;
/// "… cancel ‹reason›" cancels it. Business managers only, in a personal chat (the card lists who
/// is free and the Teams link).
/// </summary>
public sealed partial class MeetingCommand(MeetingService meetings, MeetingProposals proposals, CaseService cases, PartnershipDirectory directory, ILogger<MeetingCommand> logger) : IChatCommand
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm"];

    public string Name => "meeting";

    public string Usage => "meeting ‹case code› [move ‹date› ‹time› ‹reason› | cancel ‹reason› | invite ‹email address› | outcome]";

    public string Summary => "The case's Rapid Review meeting: its time and Teams link, or the best slots to book it in; move it (with a reason, or to a time an invitee proposed, from the card) or cancel it with a reason, or invite a deputy to it (business managers only; the papers follow it); record its outcome (the chair too).";

    public CommandAccess AccessFor(string arguments) => IsOutcome(arguments)
        ? new CommandAccess(
            new HashSet<PartnershipRole> { PartnershipRole.BusinessManager, PartnershipRole.Chair },
            "Only the chair or a business manager can record the meeting's outcome. Nothing was changed.",
            "the outcome card takes the learning identified")
        : CommandAccess.BusinessManagers(
            "Only a business manager can arrange the Rapid Review meeting. Nothing was changed.",
            "the meeting card shows who is free and the Teams link");

    private static bool IsOutcome(string arguments) =>
        arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var verb] && verb.Equals("outcome", StringComparison.OrdinalIgnoreCase);

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parts = request.Arguments.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: meeting RR-OLD-2026-0007. Nothing was changed.");
        }

        var caseCode = parts[0].ToUpperInvariant();
        var verb = parts.Length > 1 ? parts[1].ToLowerInvariant() : null;
        var rest = parts.Length > 2 ? parts[2] : string.Empty;
        var actor = CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
        try
        {
            return verb switch
            {
                null => await ShowOrProposeAsync(caseCode, cancellationToken).ConfigureAwait(false),
                "move" => await MoveAsync(caseCode, rest, actor, cancellationToken).ConfigureAwait(false),
                "cancel" => await CancelAsync(caseCode, rest, actor, cancellationToken).ConfigureAwait(false),
                "invite" when rest.Length > 0 => await InviteAsync(caseCode, rest, actor, cancellationToken).ConfigureAwait(false),
                "outcome" when rest.Length == 0 => await OutcomeFormAsync(caseCode, cancellationToken).ConfigureAwait(false),
                _ => CommandReply.Message($"Please type: {Usage}. Nothing was changed."),
            };
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + (verb is null ? string.Empty : " Nothing was changed."));
        }
        catch (ODataError ex)
        {
            LogGraphFailed(caseCode, ex.ResponseStatusCode);
            return CommandReply.Message($"Microsoft 365 did not answer for the meeting of {caseCode}; nothing was recorded. Please try again in a minute.");
        }
    }

    private async Task<CommandReply> ShowOrProposeAsync(string caseCode, CancellationToken cancellationToken)
    {
        var proposal = await meetings.ProposeAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (proposal.Case.MeetingEventId is not null)
        {
            var open = await proposals.OpenAsync(proposal.Case, cancellationToken).ConfigureAwait(false);
            return CommandReply.WithCard(MeetingCard.Booked(proposal.Case, proposal.Playbook.Meeting.QuorumPartners, open), $"{proposal.Case.CaseCode}: the meeting is on {BritishDates.DateAndTime(proposal.Case.MeetingAt!.Value)}.");
        }

        return CommandReply.WithCard(
            MeetingCard.Slots(proposal.Case.CaseCode, MeetingInvitation.MeetingName(proposal.Playbook), proposal.Slots, proposal.Invitees.Count),
            proposal.Slots.Count == 0 ? $"{proposal.Case.CaseCode}: no time is left in the window." : $"{proposal.Case.CaseCode}: {proposal.Slots.Count} times to choose from.");
    }

    private async Task<CommandReply> OutcomeFormAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        return state switch
        {
            null => CommandReply.Message($"There is no case {caseCode}."),
            { MeetingAt: null } => CommandReply.Message($"Case {state.CaseCode} has no meeting booked; its outcome is recorded after the meeting."),
            { ReviewRecommended: not null } => CommandReply.Message($"The meeting's outcome for case {state.CaseCode} is already recorded."),
            _ => CommandReply.WithCard(MeetingCard.Outcome(state.CaseCode, state.MeetingHeldAt is null ? cases.Playbooks.Get(state.Partnership).Meeting.QuorumPartners : null), $"{state.CaseCode}: record the meeting's outcome on the card."),
        };
    }

    private async Task<CommandReply> MoveAsync(string caseCode, string arguments, Process.Cases.Actor actor, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 3)
        {
            return CommandReply.Message($"Please type: meeting {caseCode} move ‹date› ‹time› ‹reason›, for example: meeting {caseCode} move 20/01/2027 10:00 the chair is at court. Nothing was changed.");
        }

        if (!TypedDates.TryParse(words[0], out var date)
            || !TimeOnly.TryParseExact(words[1], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return CommandReply.Message("I can't read that date and time; use 20/01/2027 10:00 or 2027-01-20 10:00. Nothing was changed.");
        }

        var state = await meetings.MoveAsync(caseCode, WorkingDayCalendar.AtLondon(date, at), actor, words[2], cancellationToken).ConfigureAwait(false);
        var open = await proposals.OpenAsync(state, cancellationToken).ConfigureAwait(false);
        return CommandReply.WithCard(MeetingCard.Booked(state, cases.Playbooks.Get(state.Partnership).Meeting.QuorumPartners, open), $"{state.CaseCode}: the meeting is moved to {BritishDates.DateAndTime(state.MeetingAt!.Value)}; attendees get an update to the same invitation and the deadlines follow.");
    }

    private async Task<CommandReply> CancelAsync(string caseCode, string reason, Process.Cases.Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandReply.Message($"Please type: meeting {caseCode} cancel ‹reason›. Nothing was changed.");
        }

        var state = await meetings.CancelAsync(caseCode, actor, reason, cancellationToken).ConfigureAwait(false);
        return CommandReply.Message($"{state.CaseCode}: the meeting is cancelled and the attendees told. Type \"meeting {state.CaseCode}\" to book another.");
    }

    private async Task<CommandReply> InviteAsync(string caseCode, string address, Process.Cases.Actor actor, CancellationToken cancellationToken)
    {
        var (state, added) = await meetings.InviteAsync(caseCode, address.Trim(), null, actor, cancellationToken).ConfigureAwait(false);
        return CommandReply.Message(added
            ? $"{state.CaseCode}: {address.Trim()} is added to the meeting's invitation (the same calendar event, so Microsoft 365 sends the updated invitation)."
            : $"{state.CaseCode}: {address.Trim()} is already on the meeting's invitation.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused a meeting call for {CaseCode} with status {Status}.")]
    private partial void LogGraphFailed(string caseCode, int status);
}
