using TeamsReviewBot.Process.BusinessManager;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Submission;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.SignOff;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>Everything "case ‹code›" shows, as sentences: never the child's details, only the case
/// code, the process's own words and the names of the people and agencies the case waits for.</summary>
public sealed record CaseGlance(
    string CaseCode,
    string Partnership,
    string Stage,
    string NextDeadline,
    IReadOnlyList<string> WaitingFor,
    string Meeting,
    string? MeetingJoinUrl,
    string SignOff,
    IReadOnlyList<string> Roles,
    string? ThreadUrl,
    string? CrossBoundary = null);

/// <summary>Builds a <see cref="CaseGlance"/> from the case, its information requests and the partnership's people.</summary>
public sealed class CaseAtAGlance(CaseService cases, SeatHolders holders, SignOffViews signOffs, TimeProvider time)
{
    public async Task<CaseGlance> BuildAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = time.GetUtcNow();
        var playbook = cases.Playbooks.Get(state.Partnership);
        var open = cases.Schedule.Open(playbook, state);
        var next = open.Where(e => e.DueAt >= now).MinBy(e => e.DueAt);
        var late = open.Where(e => e.DueAt < now).OrderBy(e => e.DueAt).ToList();
        var nextDeadline = next is null ? "none open" : $"{next.Name}, {BritishDates.DateAndTime(next.DueAt)}";
        if (PanelDateRules.Earlier(playbook, state, cases.Schedule.Timetable(playbook, state)) is { } panelFirst)
        {
            nextDeadline += $" ({PanelDateRules.Describe(panelFirst)})";
        }

        if (late.Count > 0)
        {
            nextDeadline += $" (overdue: {string.Join("; ", late.Select(e => $"{e.Name}, was due {BritishDates.DateAndTime(e.DueAt)}"))})";
        }

        var waiting = new List<string>();
        if (state.Stage == CaseStage.AwaitingDecision)
        {
            waiting.AddRange(playbook.Seats.Where(s => s.Votes && !state.Votes.ContainsKey(s.Key)).Select(s => $"threshold vote: {holders.Voter(playbook, s)}"));
        }

        var book = state.Requests;
        waiting.AddRange(book.InOrder.Where(r => r.IsOpen && r.Status != RequestStatus.Planned)
            .Select(r => $"agency return: {r.Agency.Name}, due {BritishDates.Date(r.DueOn)}"));
        if (state.CurrentReportVersion is { } version && state.SignedOffAt is null)
        {
            waiting.AddRange(SignOffSeats.Signing(playbook).Where(s => !state.SeatSignOffs.ContainsKey(s.Key)).Select(s => $"sign-off of version {version.Number}: {holders.Signer(playbook, s)}"));
        }

        if (state.IsCrossBoundary && state.LeadAuthority is null)
        {
            waiting.Add($"which partnership leads ({state.ResidenceAuthority} or {state.IncidentAuthority}): the business managers, \"lead {state.CaseCode} ‹local authority›\"");
        }

        var meeting = state.MeetingHeldAt is { } held ? $"held {BritishDates.DateAndTime(held)}"
            : state.MeetingAt is { } at ? $"booked for {BritishDates.DateAndTime(at)}"
            : "not booked";
        var signOff = state.CurrentReportVersion is null ? "no report version yet" : signOffs.Standing(playbook, state);
        var roles = CaseRoles.All.Where(state.Assignments.ContainsKey).Select(r => $"{CaseRoles.Describe(r)}: {state.Assignments[r].Name}").ToList();
        return new CaseGlance(
            state.CaseCode,
            playbook.Name,
            CaseStageNames.Describe(state.Stage),
            nextDeadline,
            waiting,
            meeting,
            state.MeetingHeldAt is null ? state.MeetingJoinUrl : null,
            signOff,
            roles,
            ThreadLink(state),
            CrossBoundary(state));
    }

    /// <summary>The two local authorities only (never the child's details) and who leads.</summary>
    private static string? CrossBoundary(CaseState state) => state.IsCrossBoundary
        ? $"yes: child ordinarily resides in {state.ResidenceAuthority}, incident occurred in {state.IncidentAuthority}; "
            + (state.LeadAuthority is { } lead ? $"{lead}'s partnership leads" : "lead not yet agreed")
        : null;

    /// <summary>Teams' deep link to the case's thread: the channel and the thread's first message.</summary>
    private static string? ThreadLink(CaseState state) => state.Thread is { } thread
        ? $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(thread.ChannelId)}/{Uri.EscapeDataString(thread.MessageId)}?tenantId={Uri.EscapeDataString(thread.TenantId)}&parentMessageId={Uri.EscapeDataString(thread.MessageId)}"
        : null;
}
