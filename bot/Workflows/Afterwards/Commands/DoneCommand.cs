using Microsoft.Extensions.Options;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Afterwards.Commands;

/// <summary>
/// "done RR-OLD-2026-0007 moderation held on 3 June, all actions evidenced": a business manager marks
/// one of a case's afterwards items (or a hand-marked step of its timetable) done, with an optional
/// note on the record. Its reminders stop; when nothing remains open the case closes. An unknown item
/// is answered with the case's open items.
/// </summary>
public sealed class DoneCommand(CaseService cases, PartnershipDirectory directory, IBusinessManagerNotifier notifier, DurableTimerStore timers, IOptions<AfterwardsOptions> options) : IChatCommand
{
    public string Name => "done";

    public string Usage => "done ‹case code› ‹item› [‹note›]";

    public string Summary => "Marks one of a case's afterwards items (lesson-log, moderation, lcspr, …) or hand-marked steps done, with an optional note (business managers only); the case closes when nothing remains open.";

    public CommandAccess AccessFor(string arguments)
    {
        // A step a seat owns (Gloucestershire's Independent Chair's chronology) may be marked done by that seat's holder too.
        var business = CommandAccess.BusinessManagers("Only a business manager can mark a case's steps done. Nothing was changed.");
        return OwnerSeat(arguments) is { } seat && SeatHolders.RoleFor(seat) is { } role
            ? business with { Roles = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager, role }, Refusal = $"Only a business manager or the {seat.Title} can mark this step done. Nothing was changed." }
            : business;
    }

    private Seat? OwnerSeat(string arguments)
    {
        var parts = (arguments ?? string.Empty).Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length >= 2 && cases.Playbooks.ForCaseCode(parts[0].ToUpperInvariant()) is { } playbook
            && playbook.FindDeadline(parts[1].ToLowerInvariant())?.Owner is { } owner
            ? playbook.FindSeat(owner)
            : null;
    }

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = request.Arguments.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: done RR-OLD-2026-0007 moderation Held on 3 June; every action evidenced. Nothing was changed.");
        }

        var caseCode = parts[0].ToUpperInvariant();
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Message($"I can't find case {Shorten(caseCode)}. Check the code; it looks like RR-OLD-2026-0007. Nothing was changed.");
        }

        var rules = new AfterwardsRules(cases.Playbooks.Get(state.Partnership), cases.Schedule);
        if (parts.Length < 2)
        {
            return CommandReply.Message($"Which item of case {caseCode} is done? {rules.StillOpenSentence(state)} Type: {Usage}. Nothing was changed.");
        }

        var caller = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);
        var actor = CaseActors.From(caller);
        if (!actor.IsBusinessManager && OwnerSeat(request.Arguments) is { } owned && SeatHolders.Fills(directory, owned, caller))
        {
            actor = actor with { Partner = owned.Key };
        }

        var note = parts.Length > 2 ? parts[2] : string.Empty;
        CaseState after;
        try
        {
            after = (await cases.DecideAsync(caseCode, (current, now) => rules.MarkDone(current, parts[1], note, actor, now), cancellationToken).ConfigureAwait(false)).State;
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " Nothing was changed.");
        }

        var item = parts[1].ToLowerInvariant();
        var name = rules.Items(after).FirstOrDefault(i => i.Key == item)?.Name ?? cases.Playbooks.Get(after.Partnership).FindDeadline(item)?.Name ?? item;
        var closed = await AfterwardsFollowUp.CloseIfNothingOpenAsync(cases, rules, caseCode, notifier, timers, options.Value, cancellationToken).ConfigureAwait(false);
        var rest = closed
            ? $"Nothing remains open, so case {caseCode} is now closed."
            : rules.StillOpenSentence(await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false));
        return CommandReply.Message($"{caseCode}: \"{name}\" is marked done{(note.Length == 0 ? string.Empty : " with your note")} and its reminders stop. {rest}");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
