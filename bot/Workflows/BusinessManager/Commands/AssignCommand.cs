using System.Text.RegularExpressions;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.BusinessManager;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.BusinessManager.Commands;

/// <summary>
/// "assign ‹case code› ‹role› ‹person›": a business manager gives one of the case's roles (chair,
/// author, lead reviewer, independent adviser) to someone the partnership lists, by their full or first name.
/// It is recorded on the case and the person is told in their personal chat.
/// </summary>
public sealed partial class AssignCommand(CaseService cases, PartnershipDirectory directory, SeatHolders people, AssignmentNotice notice) : IChatCommand
{
    public string Name => "assign";

    public string Usage => "assign ‹case code› ‹chair | author | lead reviewer | independent adviser› ‹person›";

    public string Summary => "Gives one of a case's roles to a person the partnership lists, records it on the case and tells them in their personal chat (business managers only).";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can assign a case's roles. Nothing was changed.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var example = $"Please type: {Usage}, for example: assign RR-OLD-2026-0007 lead reviewer Ann Lee. Nothing was changed.";
        var parts = request.Arguments.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !CaseCodeShape().IsMatch(parts[0].ToUpperInvariant()))
        {
            return CommandReply.Message(example);
        }

        var code = parts[0].ToUpperInvariant();
        if (CaseRoles.ReadLeading(parts[1]) is not var (role, who) || who.Length == 0)
        {
            return CommandReply.Message($"Tell me the role and the person: the roles are {string.Join(", ", CaseRoles.All.Select(CaseRoles.Describe))}. {example}");
        }

        if (cases.Playbooks.ForCaseCode(code) is null || await cases.FindAsync(code, cancellationToken).ConfigureAwait(false) is null)
        {
            return CommandReply.Message($"I can't find case {code}. Check the code; it looks like RR-OLD-2026-0007. Nothing was changed.");
        }

        var listed = people.People();
        var matches = listed.Where(p => Matches(p, who)).ToList();
        if (matches.Count != 1)
        {
            var names = string.Join(", ", listed.Select(p => p.DisplayName).Order(StringComparer.OrdinalIgnoreCase));
            return CommandReply.Message(matches.Count == 0
                ? $"\"{Truncate(who)}\" is not one of the partnership's people; give their name as listed: {names}. Nothing was changed."
                : $"\"{Truncate(who)}\" could be {string.Join(" or ", matches.Select(m => m.DisplayName))}; give the full name. Nothing was changed.");
        }

        var person = matches[0];
        var actor = CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
        var timer = notice.Plan(new AssignmentNoticePayload(code, role, person.AadObjectId!));
        CaseChange change;
        try
        {
            change = await cases.DecideAsync(
                code,
                (state, now) => AssignmentRules.Assign(state, role, person.AadObjectId!, person.DisplayName, actor, now),
                cancellationToken,
                // The notice is set before the assignment is written, so a crash between the two loses nothing.
                (events, ct) => events.Count == 0 ? Task.CompletedTask : notice.Timers.ScheduleAsync(timer, ct)).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " Nothing was changed.");
        }

        var described = CaseRoles.Describe(role);
        if (change.Appended.Count == 0)
        {
            return CommandReply.Message($"{person.DisplayName} is already the {described} of {code}; nothing was changed.");
        }

        var failure = await notice.SendNowAsync(timer, cancellationToken).ConfigureAwait(false);
        var told = failure is null ? $"I told {person.DisplayName} in their personal chat." : $"I could not tell {person.DisplayName}: {failure}.";
        return CommandReply.Message($"{code}: {person.DisplayName} is now the case's {described}; it is on the case's record. {told}");
    }

    private static bool Matches(Caller person, string who) =>
        string.Equals(person.DisplayName, who, StringComparison.OrdinalIgnoreCase)
        || string.Equals(person.DisplayName.Split(' ')[0], who, StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^RR-[A-Z]{2,4}-\d{4}-\d{1,6}$")]
    private static partial Regex CaseCodeShape();
}
