using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Submission;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// "wt2018 RR-GLO-2027-0001 checked against chapter 4": a business manager confirms that the report's
/// current version meets Working Together 2018 requirements, where the playbook asks for that check
/// before the report counts as signed off (Gloucestershire, seed-004 L133). Recorded on the case with
/// the version and hash; a new version voids it. When the partners have already signed, it completes
/// the sign-off and the submission card follows, as a partner's last answer would.
/// </summary>
public sealed class ComplianceCheckCommand(CaseService cases, SignOffViews views, SubmissionCardOutbox submissionCards, PartnershipDirectory directory) : IChatCommand
{
    public const string CommandName = "wt2018";

    public string Name => CommandName;

    public string Usage => "wt2018 ‹case code› [‹note›]";

    public string Summary => "Confirms the report's current version meets Working Together 2018 requirements, where the partnership's sign-off asks for that check (business managers only).";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can confirm the report meets Working Together 2018 requirements. Nothing was recorded.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = request.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: wt2018 RR-GLO-2027-0001 Checked against Working Together 2018. Nothing was recorded.");
        }

        var code = parts[0].ToUpperInvariant();
        var state = cases.Playbooks.ForCaseCode(code) is null ? null : await cases.FindAsync(code, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Message($"I can't find case {Shorten(code)}. Check the code; it looks like RR-GLO-2027-0001. Nothing was recorded.");
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var actor = CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
        var note = parts.Length > 1 ? parts[1] : string.Empty;
        CaseChange change;
        try
        {
            // The submission card a completed sign-off makes owed is written down before it.
            change = await cases.DecideAsync(
                code,
                (current, now) => ComplianceCheckRules.Confirm(playbook, current, note, actor, cases.Schedule.Timetable(playbook, current).Get(playbook.SignOff.Deadline).DueAt, now),
                cancellationToken,
                (events, ct) => submissionCards.RecordIfSigningOffAsync(code, events, ct)).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " Nothing was recorded.");
        }

        var after = change.State;
        var check = playbook.SignOff.ComplianceCheck!;
        if (change.Appended.Count == 0)
        {
            var already = after.SignedOffAt is not null && after.ComplianceCheck is null
                ? $"The report for {code} was signed off before this check could be recorded."
                : $"The {check.Name} on version {after.ComplianceCheck?.Version} was already recorded by {after.ComplianceCheck?.Name} on {BritishDates.DateAndTime(after.ComplianceCheck!.At)}.";
            return CommandReply.Message($"{already} {views.Standing(playbook, after)}");
        }

        await submissionCards.SendSoonIfSignedOffAsync(code, change.Appended, cancellationToken).ConfigureAwait(false);
        return CommandReply.Message($"{code}: the {check.Name} on version {after.ComplianceCheck!.Version} of the report is recorded{(note.Trim().Length == 0 ? string.Empty : " with your note")}. {views.Standing(playbook, after)}");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
