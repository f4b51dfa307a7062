using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Sends the meeting's papers when their timer fires: the collated multi-agency chronology and every
/// file the agencies returned, to everyone invited, from the partnership mailbox (draft then send,
/// keyed so a retry never sends twice), and records it on the case. It looks at the case first: a
/// cancelled meeting, one that has begun, or papers already sent with nothing new get nothing.
/// Files too large for one email are named in it instead of attached.
/// </summary>
public sealed partial class MeetingPapersSender(
    CaseService cases,
    MeetingInvitees invitees,
    ReturnFileStore files,
    ChronologyCollation collation,
    MailSender mail,
    IOptions<MailboxOptions> mailbox,
    TimeProvider time,
    ILogger<MeetingPapersSender> logger) : ITimerHandler
{
    // Graph takes a message of up to 4 MB with its attachments base64-encoded (a third larger).
    private const long MaxAttachedBytes = 2_800_000;

    public string Kind => MeetingPapers.TimerKind;

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return SendIfDueAsync(timer.StreamId, cancellationToken);
    }

    /// <summary>Sends the papers if they are owed now; returns what was owed.</summary>
    public async Task<PapersDue> SendIfDueAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return PapersDue.Nothing;
        }

        var book = state.Requests;
        var returns = book.Requests.Values.Sum(r => r.Returns.Count());
        var due = MeetingPapers.Due(state, returns, time.GetUtcNow());
        if (due == PapersDue.Nothing)
        {
            LogNothingOwed(caseCode);
            return due;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var from = mailbox.Value.Mailbox is { Length: > 0 } m ? m
            : throw new InvalidOperationException("Graph:Mailbox is not set: the meeting papers are sent from the partnership mailbox.");
        var to = (await invitees.ForAsync(caseCode, cancellationToken).ConfigureAwait(false)).Select(i => i.Address).ToList();
        var (attached, notAttached) = await PapersAsync(playbook, book, caseCode, returns, cancellationToken).ConfigureAwait(false);
        var updated = due == PapersDue.Updated;
        var meetingAt = state.MeetingAt!.Value;
        var sent = await mail.SendAsync(
            from,
            new OutboundMail(to, MeetingPapers.Subject(playbook, caseCode, meetingAt, updated), Body(playbook, state, book, attached, notAttached, updated), BodyIsHtml: true, Attachments: attached),
            MeetingPapers.OnceKey(state, returns),
            cancellationToken).ConfigureAwait(false);
        var record = new MeetingPapersSent(
            state.MeetingEventId!,
            meetingAt,
            returns,
            to,
            [.. attached.Select(a => a.Name)],
            updated,
            sent.InternetMessageId ?? sent.Id,
            Actor.System,
            updated ? "Agency returns arrived after the papers went; the updated papers went to the attendees." : "The playbook's point for the meeting papers came.");
        await cases.ExecuteAsync(caseCode, (rules, current, now) => MeetingPapers.Record(playbook, rules, current, record, now), cancellationToken).ConfigureAwait(false);
        LogSent(caseCode, updated, attached.Count, to.Count);
        return due;
    }

    private async Task<(List<OutboundAttachment> Attached, List<string> NotAttached)> PapersAsync(Playbook playbook, RequestBook book, string caseCode, int returns, CancellationToken cancellationToken)
    {
        var candidates = new List<OutboundAttachment>();
        var notAttached = new List<string>();
        if (returns > 0)
        {
            var chronology = await collation.CollateAsync(caseCode, playbook.Name, WorkingDayCalendar.LondonDate(time.GetUtcNow()), "for the meeting papers", cancellationToken).ConfigureAwait(false);
            candidates.Add(new OutboundAttachment(chronology.Document.Name, chronology.Document.ContentType, chronology.Document.Content.ToArray()));
        }

        foreach (var request in book.InOrder)
        {
            foreach (var returned in request.Returns.SelectMany(r => r.Attachments).Where(a => a.Accepted && a.StoredAs is not null))
            {
                if (await files.FindAsync(returned.StoredAs!, cancellationToken).ConfigureAwait(false) is { } file)
                {
                    candidates.Add(new OutboundAttachment($"{request.Agency.Name} - {returned.Name}", file.ContentType, file.Content.ToArray()));
                }
                else
                {
                    notAttached.Add($"{request.Agency.Name}: {returned.Name} (not found in storage)");
                }
            }
        }

        var attached = new List<OutboundAttachment>();
        long total = 0;
        foreach (var candidate in candidates)
        {
            if (total + candidate.Content.Length > MaxAttachedBytes)
            {
                notAttached.Add($"{candidate.Name} (too large to email with the rest; the business unit has it)");
                continue;
            }

            total += candidate.Content.Length;
            attached.Add(candidate);
        }

        return (attached, notAttached);
    }

    private static string Body(Playbook playbook, CaseState state, RequestBook book, List<OutboundAttachment> attached, List<string> notAttached, bool updated)
    {
        var html = new StringBuilder();
        var meeting = $"{MeetingInvitation.MeetingName(playbook)} for case {state.CaseCode}, {BritishDates.DateAndTime(state.MeetingAt!.Value)} (UK time)";
        html.Append("<p>").Append(Encode(updated
            ? $"Updated papers for the {meeting}: agency returns arrived after the papers went. These replace the earlier papers."
            : $"The papers for the {meeting}.")).Append("</p>");
        if (state.MeetingJoinUrl is { } join)
        {
            html.Append("<p><a href=\"").Append(Encode(join)).Append("\">Join the meeting in Microsoft Teams</a></p>");
        }

        html.Append("<p><b>Attached</b></p><ul>");
        foreach (var a in attached)
        {
            html.Append("<li>").Append(Encode(a.Name)).Append("</li>");
        }

        html.Append("</ul>");
        if (attached.Count == 0)
        {
            html.Append("<p>").Append(Encode("No agency has returned its information yet, so there is no chronology to send. Updated papers follow when returns arrive.")).Append("</p>");
        }

        if (notAttached.Count > 0)
        {
            html.Append("<p>").Append(Encode("Not attached: " + string.Join("; ", notAttached) + ".")).Append("</p>");
        }

        var waiting = book.InOrder.Where(r => r.IsOpen).Select(r => r.Agency.Name).ToList();
        if (waiting.Count > 0)
        {
            html.Append("<p>").Append(Encode($"Still to return: {string.Join(", ", waiting)}.")).Append("</p>");
        }

        html.Append("<p>").Append(Encode("These papers are confidential to the meeting's attendees. Please do not forward them.")).Append("</p>");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [LoggerMessage(Level = LogLevel.Information, Message = "No meeting papers owed for {CaseCode} now.")]
    private partial void LogNothingOwed(string caseCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting papers for {CaseCode} sent (updated: {Updated}): {Files} files to {Recipients} attendees.")]
    private partial void LogSent(string caseCode, bool updated, int files, int recipients);
}
