using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Documents;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Submission;

/// <summary>What the submission shows and sends: the addressee, who signed, the covering letter and
/// the deadline, all from the case and the playbook; staff names and the case code, never a child's details.</summary>
public sealed class SubmissionViews(CaseService cases, IOptions<SubmissionOptions> options, IOptions<MailboxOptions> mailbox, TimeProvider time)
{
    public string Addressee(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return options.Value.PanelAddress is { Length: > 0 } address ? address.Trim() : playbook.Submission.Address;
    }

    /// <summary>The partnership mailbox the report goes from: the one the bot is connected to.</summary>
    public string? FromMailbox => mailbox.Value.Mailbox is { Length: > 0 } connected ? connected : null;

    /// <summary>Each partner who signed the current version: name, seat, and "deputy" where one acted.</summary>
    public IReadOnlyList<string> SignedBy(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.SeatSignOffs.Values
            .Where(a => a.Agrees)
            .OrderBy(a => a.At)
            .Select(a => $"{a.Name} ({playbook.FindSeat(a.Seat)?.Title ?? a.Seat}{(a.ByDeputy ? ", as deputy" : string.Empty)})")];
    }

    public string Deadline(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return cases.Schedule.Timetable(playbook, state).Find(playbook.Submission.Deadline) is { } entry
            ? $"{BritishDates.DateAndTime(entry.DueAt)} ({entry.Name})"
            : "not in this case's timetable";
    }

    /// <summary>The covering letter in the partnership's wording where its procedure gives one.</summary>
    public string Letter(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        var signed = SignedBy(playbook, state);
        var facts = new CoveringLetterFacts(
            state.CaseCode,
            playbook.Name,
            BritishDates.Date(WorkingDayCalendar.LondonDate(time.GetUtcNow())),
            BritishDates.Date(WorkingDayCalendar.LondonDate(state.ReceivedAt)),
            Conclusion(state),
            signed.Count == 0 ? "the Safeguarding Partners" : string.Join(", ", signed),
            options.Value.PanelChair is { Length: > 0 } chair ? chair : "Chair of the Child Safeguarding Practice Review Panel",
            options.Value.Contact is { Length: > 0 } contact ? contact : FromMailbox ?? playbook.Mailbox.Address,
            options.Value.Signature is { Length: > 0 } signature ? signature : $"{playbook.Name} Business Manager");
        return CoveringLetter.For(playbook.Key, facts);
    }

    /// <summary>The card for the case as it stands, for a business manager's personal chat.</summary>
    public SubmissionCardView Card(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var playbook = cases.Playbooks.Get(state.Partnership);
        var version = state.Submission is { Version: { } sentVersion, Sha256: { } sentSha } ? (sentVersion, sentSha)
            : state.CurrentReportVersion is { } current ? (current.Number, current.Sha256)
            : (0, string.Empty);
        return new SubmissionCardView(
            state.CaseCode,
            playbook.Name,
            version.Item1,
            version.Item2,
            SignedBy(playbook, state),
            Letter(playbook, state),
            Addressee(playbook),
            Deadline(playbook, state),
            state.SignedOffAt is not null,
            state.Submission is { } done ? Sent(done) : null);
    }

    /// <summary>"Submitted on … by … to … (message id …)": the line the card, thread and timetable show.</summary>
    public static string Sent(SubmissionRecord done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return $"Submitted on {BritishDates.DateAndTime(done.At)} by {done.By} to {done.To}{(done.MessageId is null ? string.Empty : $" (message id {done.MessageId})")}.";
    }

    /// <summary>The Document 5 outcome line from the meeting's recommendation; the national review is
    /// the Panel's own decision, so the letter never claims it (seed-003 C8).</summary>
    private static string Conclusion(CaseState state) => state.ReviewRecommended switch
    {
        ReviewRecommendations.Yes => "concluded that the case meets the criteria for a local Child Safeguarding Practice Review",
        ReviewRecommendations.No => "concluded that the case does not meet the criteria for a Child Safeguarding Practice Review",
        _ => "sets out its conclusion on the criteria for a Child Safeguarding Practice Review in the attached Rapid Review",
    };
}
