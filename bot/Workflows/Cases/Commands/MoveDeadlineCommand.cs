using System.Globalization;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Cases.Commands;

/// <summary>
/// "move RR-OLD-2026-0007 returns 2027-01-20 [16:00] agency asked for two more days": a business
/// manager moves one deadline of a case with a reason. The case rules check who may and keep the
/// original date on the audit trail; reminders follow the new date.
/// </summary>
public sealed class MoveDeadlineCommand(CaseService cases, PartnershipDirectory directory) : IChatCommand
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm"];

    public string Name => "move";

    public string Usage => "move ‹case code› ‹deadline› ‹date› [‹time›] ‹reason›";

    public string Summary => "Moves one of a case's deadlines, with the reason on record (business managers only); \"timetable ‹case code›\" lists the deadline names.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can move a case's deadlines. Nothing was changed.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parts = request.Arguments.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 4)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: move RR-OLD-2026-0007 returns 20/01/2027 agency asked for two more days. Nothing was changed.");
        }

        var caseCode = parts[0].ToUpperInvariant();
        var deadlineKey = parts[1].ToLowerInvariant();
        if (!DateOnly.TryParseExact(parts[2], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return CommandReply.Message($"\"{Truncate(parts[2])}\" is not a date I can read; use 20/01/2027 or 2027-01-20. Nothing was changed.");
        }

        var rest = parts[3];
        TimeOnly? time = null;
        var firstWord = rest.Split(' ', 2)[0];
        if (TimeOnly.TryParseExact(firstWord, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedTime))
        {
            time = parsedTime;
            rest = rest.Length > firstWord.Length ? rest[firstWord.Length..].Trim() : string.Empty;
        }

        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Message($"I can't find case {caseCode}. Check the code; it looks like RR-OLD-2026-0007.");
        }

        var timetable = cases.Schedule.Timetable(cases.Playbooks.Get(state.Partnership), state);
        var entry = timetable.Find(deadlineKey);
        if (entry is null)
        {
            return CommandReply.Message($"Case {caseCode} has no deadline \"{Truncate(deadlineKey)}\". Its deadlines are: {string.Join(", ", timetable.Entries.Select(e => e.Key))}. Nothing was changed.");
        }

        // Without a time, the deadline keeps the time of day it had.
        var newDueAt = WorkingDayCalendar.AtLondon(date, time ?? TimeOnly.FromDateTime(WorkingDayCalendar.ToLondon(entry.DueAt).DateTime));
        var actor = CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
        try
        {
            await cases.ExecuteAsync(caseCode, (rules, current, now) => rules.MoveDeadline(current, deadlineKey, newDueAt, actor, rest, now), cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " Nothing was changed.");
        }

        return CommandReply.Message($"{caseCode}: \"{entry.Name}\" moved from {BritishDates.DateAndTime(entry.DueAt)} to {BritishDates.DateAndTime(newDueAt)}. The reason is on the case's record and the reminders follow the new date.");
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
