using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// The playbook's draft-report point (e.g. Oldham Day 8) has come: the draft is generated from the
/// case as it stands and emailed from the partnership mailbox to the chair (the report's author) and
/// the business managers, and the business managers are told in Teams. A repeat firing sends
/// nothing again (each email is keyed on the timer, the notice on its id); a case that no longer
/// needs a draft (decided otherwise, closed, or its report already drafted) gets nothing.
/// </summary>
public sealed class ReportDraftTimerHandler(CaseService cases, ReportDrafts drafts, ReportVersionStore versions, PartnershipDirectory directory, IBusinessManagerNotifier notifier) : ITimerHandler
{
    public string Kind => ReportDraftPoint.TimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var state = await cases.FindAsync(timer.StreamId, cancellationToken).ConfigureAwait(false);
        if (state is null || ReportDraftPoint.DueAt(cases.Playbooks.Get(state.Partnership), state, cases.Schedule.Calendar) is null)
        {
            return;
        }

        var recipients = new[] { PartnershipRole.Chair, PartnershipRole.BusinessManager }
            .SelectMany(directory.WithRole)
            .Where(p => !string.IsNullOrWhiteSpace(p.Email))
            .Select(p => (Name: p.Name ?? p.Email!, Email: p.Email!.Trim()))
            .DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();

        string message;
        if (!drafts.CanEmail)
        {
            message = "the draft Rapid Review report is due to be started today, but the bot has no partnership mailbox to send it from (Graph:Mailbox). Type \"report " + state.CaseCode + "\" once it has one.";
        }
        else if (recipients.Count == 0)
        {
            message = "the draft Rapid Review report is due to be started today, but the partnership lists no email address for its chair or business managers (Partnership:People, Email), so it was not sent.";
        }
        else
        {
            var draft = await drafts.GenerateAsync(state.CaseCode, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Case {state.CaseCode} vanished while its draft report was generated.");
            var version = await versions.AddAsync(draft, ReportVersionSources.Generated, TeamsReviewBot.Process.Cases.Actor.System, "Draft generated from the case at the playbook's point to start the report.", cancellationToken).ConfigureAwait(false);
            await drafts.EmailAsync(draft, version, [.. recipients.Select(r => r.Email)], "the playbook's point to start the report", cancellationToken, onceKey: timer.Id).ConfigureAwait(false);
            message = $"version {version.Number} of the draft Rapid Review report, pre-filled from the case, was emailed from the partnership mailbox to {string.Join(", ", recipients.Select(r => r.Name))}.";
        }

        await notifier.NotifyAsync(new BusinessManagerNotification(timer.Id + ":told", state.CaseCode, state.Partnership, "report-draft", message), cancellationToken).ConfigureAwait(false);
    }
}
