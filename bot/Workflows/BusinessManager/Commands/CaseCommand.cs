using System.Text.RegularExpressions;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.BusinessManager.Commands;

/// <summary>
/// "case ‹code›": one card with the case's stage, next deadline, whom it waits for, the meeting, the
/// sign-off tally, its roles, and links to its thread and timetable. For the business managers and
/// the case's panel members (and role holders); anyone else is refused in a sentence, on the audit table.
/// </summary>
public sealed partial class CaseCommand(CaseService cases, CaseAtAGlance glances, CaseAudience audience, PartnershipDirectory directory, RefusalAudit audit) : IChatCommand
{
    public string Name => "case";

    public string Usage => "case ‹case code›";

    public string Summary => "Shows one case on a card: its stage, next deadline, whom it waits for, the meeting, the sign-off tally and links to its thread and timetable.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.AnyRole(
        "Only the partnership's business managers and the case's panel members can see a case.",
        "the card names the people and agencies the case waits for");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Arguments.Trim().ToUpperInvariant();
        if (!CaseCodeShape().IsMatch(code))
        {
            return CommandReply.Message($"Please type: {Usage}, for example: case RR-OLD-2026-0007.");
        }

        var state = cases.Playbooks.ForCaseCode(code) is null ? null : await cases.FindAsync(code, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Message($"I can't find case {code}. Check the code; it looks like RR-OLD-2026-0007.");
        }

        var caller = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);
        if (!audience.Admits(cases.Playbooks.Get(state.Partnership), state, caller))
        {
            await audit.RecordAsync("command:case", caller, request.ConversationId, null, $"not a business manager, panel member or role holder of case {code}", cancellationToken).ConfigureAwait(false);
            return CommandReply.Message($"Only the business managers and the panel members of case {code} can see it; you are neither, so nothing is shown.");
        }

        var glance = await glances.BuildAsync(state, cancellationToken).ConfigureAwait(false);
        return CommandReply.WithCard(CaseGlanceCard.Build(glance), CaseGlanceCard.Text(glance));
    }

    [GeneratedRegex(@"^RR-[A-Z]{2,4}-\d{4}-\d{1,6}$")]
    private static partial Regex CaseCodeShape();
}
