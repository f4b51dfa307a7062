using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// "sign-off ‹case›": sends the sign-off card for the report's current version to the personal chat
/// of each person who fills a signing seat (leads and their deputies), and says whom it reached and
/// whom it could not. Business managers only. Sending again asks again; answers already given stand.
/// The first sending after the meeting records the report as drafted and sent for sign-off, which
/// meets the playbook's report deadline.
/// </summary>
public sealed class SignOffCommand(CaseService cases, SignOffSeats seats, SignOffViews views, IPersonalChat chats, PartnershipDirectory directory) : IChatCommand
{
    public string Name => "sign-off";

    public string Usage => "sign-off ‹case code›";

    public string Summary => "Sends the sign-off card for the report's current version to each signing partner (and deputy) in their personal chat with the bot.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can ask the partners to sign off a report; nothing was sent.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var code = request.Arguments.Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: sign-off RR-OLD-2026-0007. Nothing was sent.");
        }

        var state = cases.Playbooks.ForCaseCode(code) is null ? null : await cases.FindAsync(code, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Message($"I can't find case {code}. Check the code; it looks like RR-OLD-2026-0007. Nothing was sent.");
        }

        if (state.CurrentReportVersion is not { } version)
        {
            return CommandReply.Message($"Case {code} has no report version yet: generate it first with \"report {code}\". Nothing was sent.");
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        if (state.SignedOffAt is not null)
        {
            return CommandReply.Message($"The report for {code} is already signed off. {views.Standing(playbook, state)}");
        }

        var people = seats.People(playbook);
        if (people.Count == 0)
        {
            return CommandReply.Message($"No one is configured for the seats that sign off {playbook.Name} reports ({string.Join(", ", SignOffSeats.Signing(playbook).Select(s => s.Title))}). Ask the bot's administrator to add them (Partnership:People). Nothing was sent.");
        }

        var reached = new List<string>();
        var missed = new List<string>();
        foreach (var (seat, person, byDeputy) in people)
        {
            var who = $"{person.Name ?? person.AadObjectId} ({seat.Title}{(byDeputy ? ", deputy" : string.Empty)})";
            var failure = await chats.SendCardAsync(person.AadObjectId!, SignOffCard.Personal(views.Card(state, seat, byDeputy)), cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                reached.Add(who);
            }
            else
            {
                missed.Add($"{who}: {failure}");
            }
        }

        if (reached.Count > 0 && state.ReportDraftedAt is null && state.MeetingHeldAt is not null)
        {
            var actor = CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
            state = await cases.ExecuteAsync(code, (rules, current, now) => current.ReportDraftedAt is null ? rules.DraftReport(current, actor, now) : [], cancellationToken).ConfigureAwait(false);
        }

        var sent = reached.Count > 0 ? $"I sent the sign-off card for version {version.Number} (SHA-256 {SignOffRules.HashPrefix(version.Sha256)}…) to {string.Join("; ", reached)}." : "The sign-off card reached no one.";
        var notSent = missed.Count > 0 ? $" I could not reach {string.Join("; ", missed)}." : string.Empty;
        return CommandReply.Message($"{code}: {sent}{notSent} {views.Standing(playbook, state)}");
    }
}
