using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Digest;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.SignOff;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>
/// Builds the morning digest from the open cases (their own timetables, as "timetable" shows them),
/// the votes and sign-offs each still waits for, and the mail waiting in the partnership mailbox.
/// The same for every business manager: they run the same partnership's cases.
/// </summary>
public sealed class MorningDigestBuilder(
    CaseIndexStore index,
    CaseService cases,
    SeatHolders holders,
    MailForReviewStore mail,
    IOptions<MailboxOptions> mailbox)
{
    public async Task<MorningDigest> BuildAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var overdue = new List<DigestDeadline>();
        var today = new List<DigestDeadline>();
        var soon = new List<DigestDeadline>();
        var decisions = new List<DigestWait>();
        var signOffs = new List<DigestWait>();
        var calendar = cases.Schedule.Calendar;

        var open = (await index.ListAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(e => !string.Equals(e.Stage, nameof(CaseStage.Closed), StringComparison.Ordinal))
            .OrderBy(e => e.CaseCode, StringComparer.Ordinal);
        foreach (var entry in open)
        {
            if (await cases.FindAsync(entry.CaseCode, cancellationToken).ConfigureAwait(false) is not { IsClosed: false } state
                || cases.Playbooks.Find(state.Partnership) is not { } playbook)
            {
                continue;
            }

            foreach (var due in cases.Schedule.Open(playbook, state))
            {
                var line = new DigestDeadline(state.CaseCode, due.Key, due.Name, due.DueAt);
                switch (MorningDigestRules.Classify(calendar, due.DueAt, now))
                {
                    case DigestBucket.Overdue: overdue.Add(line); break;
                    case DigestBucket.DueToday: today.Add(line); break;
                    case DigestBucket.DueSoon: soon.Add(line); break;
                }
            }

            if (state.Stage == CaseStage.AwaitingDecision)
            {
                var waiting = playbook.Seats.Where(s => s.Votes && !state.Votes.ContainsKey(s.Key)).Select(s => holders.Voter(playbook, s)).ToList();
                decisions.Add(new DigestWait(state.CaseCode, "threshold decision", waiting));
            }

            if (state.CurrentReportVersion is { } version && state.SignedOffAt is null)
            {
                var waiting = SignOffSeats.Signing(playbook).Where(s => !state.SeatSignOffs.ContainsKey(s.Key)).Select(s => holders.Signer(playbook, s)).ToList();
                signOffs.Add(new DigestWait(state.CaseCode, $"sign-off of report version {version.Number}", waiting));
            }
        }

        var waitingMail = mailbox.Value.Mailbox is { Length: > 0 } address
            ? (await mail.ListAsync(address, cancellationToken).ConfigureAwait(false)).Select(m => new DigestMail(m.ReceivedAt, m.From, m.Reason, m.WebLink, m.CaseCode)).ToList()
            : [];

        static List<DigestDeadline> Soonest(List<DigestDeadline> lines) => [.. lines.OrderBy(l => l.DueAt).ThenBy(l => l.CaseCode, StringComparer.Ordinal)];
        return new MorningDigest(now, Soonest(overdue), Soonest(today), Soonest(soon), decisions, signOffs, waitingMail);
    }
}
