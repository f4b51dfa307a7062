using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Documents;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// Reads what the draft report is filled with from everything the case holds: its process state
/// and record, the panel's votes, the sealed referral, the information requests and the chronology
/// files the agencies returned. Reads only; writes nothing.
/// </summary>
public sealed class ReportFactsReader(
    CaseService cases,
    ReferralVault vault,
    ReturnFileStore files,
    TimeProvider time)
{
    /// <summary>The facts for <paramref name="caseCode"/>, or null when there is no such case.</summary>
    public async Task<ReportFacts?> ReadAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return null;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var history = await cases.HistoryAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var book = state.Requests;
        var (chronology, notRead) = await ChronologyAsync(book, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();

        return new ReportFacts(
            state.CaseCode,
            playbook.Name,
            playbook.Key,
            BritishDates.Date(WorkingDayCalendar.LondonDate(now)),
            await ChildAsync(caseCode, state, cancellationToken).ConfigureAwait(false),
            Referral(state, playbook),
            [.. cases.Schedule.Deadlines(playbook, state, now).Select(d => new ReportDeadline(
                d.Entry.Name,
                BritishDates.DateAndTime(d.Entry.DueAt),
                d.DoneAt is { } done ? BritishDates.DateAndTime(done) : d.Status.ToString().ToLowerInvariant()))],
            Decision(state, playbook),
            [.. book.InOrder.Select(Agency)],
            chronology,
            notRead,
            Meeting(state, history),
            [.. playbook.SignOff.Seats.Concat(playbook.SignOff.IndependentSeat is { } independent ? [independent] : []).Select(s => playbook.FindSeat(s)?.Title ?? s)],
            // The report's own versions are left out of its record, so a draft generated again from an unchanged case is the same file.
            AuditTrail.Render(playbook, history.Where(e => e.Type != CaseEventTypes.ReportVersionAdded)));
    }

    private async Task<ReportChild?> ChildAsync(string caseCode, CaseState state, CancellationToken cancellationToken)
    {
        var child = await vault.OpenAsync(caseCode, cancellationToken).ConfigureAwait(false) is { } sealedReferral
            ? SealedChildDetails.Child(sealedReferral)
            : state.Referral?.Child;
        return child is null ? null : new ReportChild(child.Name, child.DateOfBirth is { } born ? BritishDates.Date(born) : RapidReviewReportBlocks.NotRecorded, child.Address);
    }

    private static ReportReferral Referral(CaseState state, Process.Playbooks.Playbook playbook)
    {
        var summary = state.Referral?.Summary;
        return new ReportReferral(
            state.ReferralKind.Replace('-', ' '),
            BritishDates.DateAndTime(state.ReceivedAt),
            WorkingDayNumbering.AsHeading(WorkingDayNumbering.StartName(playbook.Clock)),
            BritishDates.Date(state.DayZero),
            summary?.IncidentCategory ?? RapidReviewReportBlocks.NotRecorded,
            summary?.AgeBand ?? RapidReviewReportBlocks.NotRecorded,
            summary?.IncidentDate is { } incident ? BritishDates.Date(incident) : RapidReviewReportBlocks.NotRecorded,
            summary?.ReferringOrganisation ?? RapidReviewReportBlocks.NotRecorded,
            state.NotifiedAt is { } notified ? BritishDates.DateAndTime(notified) : RapidReviewReportBlocks.NotRecorded);
    }

    private static ReportDecision? Decision(CaseState state, Process.Playbooks.Playbook playbook)
    {
        if (state.Decision is not { } decision || state.DecidedAt is not { } decidedAt)
        {
            return null;
        }

        string Label(string outcome) => playbook.FindOutcome(outcome)?.Label ?? outcome;
        return new ReportDecision(
            decision.OutcomeLabel,
            decision.DecidedBy,
            BritishDates.DateAndTime(decidedAt),
            decision.Rationale,
            [.. state.SeatVotes.Values.OrderBy(v => v.At).Select(v => new ReportVote(playbook.FindSeat(v.Seat)?.Title ?? v.Seat, v.VoterName, v.ByDeputy, Label(v.Outcome), v.Rationale))]);
    }

    private static ReportAgency Agency(AgencyRequest request)
    {
        var returns = request.Returns.ToList();
        return new ReportAgency(
            request.Agency.Name,
            request.Status.Describe(),
            request.Status == RequestStatus.Returned,
            request.Status == RequestStatus.NoRecords,
            [.. returns.SelectMany(r => r.Attachments).Where(a => a.Accepted).Select(a => a.Name)],
            request.Replies.Count == 0 ? null : BritishDates.DateAndTime(request.Replies.Max(r => r.ReceivedAt)));
    }

    private static ReportMeeting Meeting(CaseState state, IReadOnlyList<StoredEvent> history)
    {
        var held = history.LastOrDefault(e => e.Type == CaseEventTypes.MeetingHeld);
        var outcome = history.LastOrDefault(e => e.Type == CaseEventTypes.MeetingOutcomeRecorded) is { } o ? CaseJson.Read<MeetingOutcomeRecorded>(o.Data) : null;
        var present = held is null ? [] : CaseJson.Read<MeetingHeld>(held.Data).PartnersPresent.Select(Partners.Name).ToList();
        return new ReportMeeting(
            state.MeetingAt is { } at ? BritishDates.DateAndTime(at) : null,
            state.MeetingHeldAt is { } heldAt ? BritishDates.DateAndTime(heldAt) : null,
            present,
            outcome is null ? null : ReviewRecommendations.Describe(outcome.ReviewRecommended),
            outcome?.LeadReviewer,
            outcome?.Learning);
    }

    /// <summary>The agencies' chronologies merged, read from the Word files they returned; a file that
    /// cannot be read is named with the reason rather than dropped.</summary>
    private async Task<(IReadOnlyList<ChronologyRow> Rows, IReadOnlyList<string> NotRead)> ChronologyAsync(RequestBook book, CancellationToken cancellationToken)
    {
        var perAgency = new List<IReadOnlyList<ChronologyRow>>();
        var notRead = new List<string>();
        foreach (var request in book.InOrder)
        {
            foreach (var attachment in request.Returns.SelectMany(r => r.Attachments).Where(a => a.Accepted && a.StoredAs is not null && AttachmentPolicy.IsWordDocument(a.Name)))
            {
                var file = await files.FindAsync(attachment.StoredAs!, cancellationToken).ConfigureAwait(false);
                if (file is null)
                {
                    notRead.Add($"{request.Agency.Name}: {attachment.Name} (not found in storage)");
                    continue;
                }

                if (ReplyIntake.ReturnScreen.Refusal(new GraphIntegration.Mail.MailAttachment(attachment.Name, file.ContentType, file.Content.Length, true, file.Content)) is { } refusal)
                {
                    notRead.Add($"{request.Agency.Name}: {attachment.Name} ({refusal})");
                    continue;
                }

                try
                {
                    perAgency.Add(ChronologyReader.Read(file.Content, request.Agency.Name));
                }
                catch (InvalidDataException ex)
                {
                    notRead.Add($"{request.Agency.Name}: {attachment.Name} ({ex.Message})");
                }
            }
        }

        return (MultiAgencyChronology.Merge(perAgency), notRead);
    }
}
