using System.Net;
using System.Text;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Meetings;

/// <summary>
/// What the meeting invitation says. It names the case by code only: an invitation goes to people
/// outside the partnership's tenant and sits in their calendars, so a child's name, date of birth or
/// address never appears in its subject or body.
/// </summary>
public static class MeetingInvitation
{
    /// <summary>The meeting's name in the playbook, e.g. "Rapid Review meeting – RR-OLD-2026-0007".</summary>
    public static string Subject(Playbook playbook, string caseCode) => $"{MeetingName(playbook)} – {caseCode}";

    public static string MeetingName(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return playbook.FindDeadline(playbook.Meeting.Deadline)?.Name ?? "Rapid Review meeting";
    }

    public static string BodyHtml(Playbook playbook, string caseCode, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var html = new StringBuilder();
        html.Append("<p>").Append(Encode($"{playbook.Name}: {MeetingName(playbook)} for case {caseCode}, {BritishDates.DateAndTime(start)} (UK time), on Microsoft Teams.")).Append("</p>");
        html.Append("<p>").Append(Encode($"The meeting is quorate only with at least one representative each of {QuorumList(playbook)}. If you cannot attend, please send your deputy and tell the business unit.")).Append("</p>");
        if (playbook.Meeting.Agenda is { Count: > 0 } agenda)
        {
            html.Append("<p><b>Agenda</b></p><ol>");
            foreach (var item in agenda)
            {
                html.Append("<li>").Append(Encode(item)).Append("</li>");
            }

            html.Append("</ol>");
        }

        if (playbook.Meeting.Papers is { Length: > 0 } papers)
        {
            html.Append("<p><b>Papers</b>: ").Append(Encode(papers)).Append("</p>");
        }

        html.Append("<p>").Append(Encode("The papers come separately from the partnership mailbox. Please keep this case's details to the secure papers, not this invitation.")).Append("</p>");
        return html.ToString();
    }

    /// <summary>The create's idempotency key: the same case and booking always give the same key, so
    /// Graph returns the event it already made instead of making a second.</summary>
    public static string TransactionId(string caseCode, int booking)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseCode);
        return $"{caseCode.ToLowerInvariant()}-meeting-{booking}";
    }

    /// <summary>The case code a transactionId was made from ("rr-old-2026-0007-meeting-2" → RR-OLD-2026-0007); null for any other event.</summary>
    public static string? CaseCodeOf(string? transactionId)
    {
        var marker = transactionId?.LastIndexOf("-meeting-", StringComparison.Ordinal) ?? -1;
        return marker > 0 && int.TryParse(transactionId![(marker + "-meeting-".Length)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? transactionId[..marker].ToUpperInvariant()
            : null;
    }

    private static string QuorumList(Playbook playbook) => Cases.Partners.List(playbook.Meeting.QuorumPartners);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
