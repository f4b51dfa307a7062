using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Documents;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// Information requests on a case: the business manager's choice of agencies, sending each its
/// letter and forms from the partnership mailbox (draft then send, so the message ids are known and
/// stored), and the timers that send, chase, mark overdue and collate. Dates come from the case's
/// own timetable (the playbook's "sendBy" and "returnsDue" deadlines); nothing here names a partnership.
/// </summary>
public sealed partial class InformationRequestService(
    CaseService cases,
    AgencyDirectory directory,
    RequestCaseIndex openCases,
    DurableTimerStore timers,
    MailSender mail,
    IOptions<MailboxOptions> mailbox,
    IOptions<RequestMailOptions> letterOptions,
    ReturnCardInThread card,
    ReferralVault vault,
    TimeProvider time,
    ILogger<InformationRequestService> logger)
{
    /// <summary>When the case's requests would go out if sent now (the playbook's rule,
    /// <see cref="RequestSendMoment"/>) and when they fall due, from its timetable.</summary>
    public async Task<(Playbook Playbook, CaseState Case, RequestSendMoment Send, DateOnly DueOn)> DatesAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestRuleException($"There is no case {caseCode}.");
        if (state.OutcomeKind != OutcomeKind.RapidReview || state.IsClosed)
        {
            throw new RequestRuleException($"Information is requested only on a case going to Rapid Review; {caseCode} is not.");
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var timetable = cases.Schedule.Timetable(playbook, state);
        var send = RequestSendMoment.For(playbook, timetable, time.GetUtcNow());
        return (playbook, state, send, DueOnIfSent(playbook, state, state.RequestedAt ?? send.At));
    }

    /// <summary>Records the business manager's choice and sets the send timer for the playbook's moment:
    /// at once, or the start of the send day (now when that has passed).</summary>
    public async Task<RequestBook> ChooseAsync(string caseCode, IReadOnlyList<string> agencyNames, string? childReference, string actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agencyNames);
        if (string.IsNullOrWhiteSpace(childReference))
        {
            throw new RequestRuleException("Give the child reference for the letters (initials and date of birth): agencies need it to find their records.");
        }

        var (playbook, state, sendAt, dueOn) = await DatesAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var contacts = new List<AgencyContact>();
        var unknown = new List<string>();
        foreach (var name in agencyNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await directory.FindAsync(name, cancellationToken).ConfigureAwait(false) is { } contact)
            {
                contacts.Add(contact);
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            throw new RequestRuleException($"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not in the agency directory; `agencies` lists it.");
        }

        // The child reference is the child's initials and date of birth: sealed apart, not in the stream.
        await vault.SealChildReferenceAsync(state.CaseCode, childReference.Trim(), cancellationToken).ConfigureAwait(false);
        var chosen = new AgenciesChosen(state.CaseCode, playbook.Key, contacts, sendAt.Date, dueOn, actorId, actorName, "chosen by the business manager");
        await cases.DecideAsync(state.CaseCode, (s, at) => RequestRules.Choose(s.Requests, chosen, at), cancellationToken).ConfigureAwait(false);
        await openCases.OpenAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        var send = RequestTimetable.SendTimer(state.CaseCode, sendAt);
        LogChosen(state.CaseCode, contacts.Count, send.FireAt);

        // Even when they go at once the timer sends, not this call: a card action must answer within
        // seconds, and each letter is two Graph requests. The pump picks a timer due now up within its poll.
        await timers.ScheduleAsync(new DurableTimer(send.Id, send.Kind, state.CaseCode, send.FireAt, Payload(state.CaseCode, send)), cancellationToken).ConfigureAwait(false);
        await card.ShowAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        return (await cases.CurrentAsync(state.CaseCode, cancellationToken).ConfigureAwait(false)).Requests;
    }

    /// <summary>Sends every planned request of the case, records each with its message ids, and sets the chasers.</summary>
    public async Task<RequestBook> SendPlannedAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var book = state.Requests;
        var planned = book.InOrder.Where(r => r.Status == RequestStatus.Planned).ToList();
        if (planned.Count == 0)
        {
            return book;
        }

        if (!state.Exists)
        {
            throw new RequestRuleException($"There is no case {caseCode}.");
        }
        var playbook = cases.Playbooks.Get(state.Partnership);
        var now = time.GetUtcNow();
        var dueOn = DueOnIfSent(playbook, state, state.RequestedAt ?? now);
        var template = await File.ReadAllTextAsync(RequestLetter.TemplatePath(playbook.Key), cancellationToken).ConfigureAwait(false);
        var forms = AgencyTemplates.FromPlaybook(playbook.InformationRequests.Templates, caseCode);
        // Sealed since; a choice recorded before that carries it in the stream.
        var childReference = book.ChildReference
            ?? await vault.ChildReferenceAsync(caseCode, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestRuleException($"{caseCode} has no child reference for the letters.");
        foreach (var request in planned)
        {
            var facts = new TemplateFacts(caseCode, playbook.Name, request.Agency.Name, playbook.InformationRequests.ReturnTo, BritishDates.Date(dueOn), BritishDates.Date(WorkingDayCalendar.LondonDate(now)));
            var attachments = forms.Select(f => new OutboundAttachment(f.FileName, DocxType, AgencyTemplates.Build(f, facts))).ToList();
            var letter = RequestLetter.Build(template, new LetterFacts(
                caseCode,
                playbook.Name,
                request.Agency.Name,
                BritishDates.Date(WorkingDayCalendar.LondonDate(now)),
                BritishDates.Date(dueOn),
                playbook.InformationRequests.ReturnTo,
                playbook.InformationRequests.RecordsSecuringRequest,
                letterOptions.Value.Contact ?? $"the {playbook.Name} business unit at {playbook.InformationRequests.ReturnTo}",
                childReference,
                [.. attachments.Select(a => a.Name)],
                letterOptions.Value.Signature ?? $"{playbook.Name} business unit"));
            var sent = await mail.SendAsync(Mailbox, new OutboundMail(request.Agency.Leads, letter.Subject, letter.Body, Attachments: attachments), $"information-request:{caseCode}:{request.Agency.Name}", cancellationToken).ConfigureAwait(false);
            var record = new RequestSent(
                request.Agency.Name,
                request.Agency.Leads,
                new SentMessage(sent.InternetMessageId ?? sent.Id, sent.ConversationId, "request", now),
                sent.Id,
                [.. attachments.Select(a => a.Name)],
                dueOn);
            await cases.DecideAsync(caseCode, (s, _) => RequestRules.MarkSent(s.Requests, record, now), cancellationToken).ConfigureAwait(false);
            LogSent(caseCode, request.Agency.Name, attachments.Count);
        }

        if (state.RequestedAt is null)
        {
            var agencies = planned.Select(r => r.Agency.Name).ToList();
            await cases.ExecuteAsync(caseCode, (rules, s, at) => rules.RequestInformation(s, agencies, Actor.System, at), cancellationToken).ConfigureAwait(false);
        }

        foreach (var timer in RequestTimetable.AfterSending(cases.Schedule.Calendar, caseCode, dueOn, playbook.Clock.WorkingDayStarts, playbook.Clock.WorkingDayEnds, now))
        {
            await timers.ScheduleAsync(new DurableTimer(timer.Id, timer.Kind, caseCode, timer.FireAt, Payload(caseCode, timer)), cancellationToken).ConfigureAwait(false);
        }

        await card.ShowAsync(caseCode, cancellationToken).ConfigureAwait(false);
        return (await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
    }

    /// <summary>Chases every agency with nothing back, once for this timer.</summary>
    public async Task<int> ChaseAsync(string caseCode, string timerId, bool dueToday, CancellationToken cancellationToken)
    {
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        var playbook = cases.Playbooks.Get(book.Partnership ?? throw new RequestRuleException($"{caseCode} has no information requests."));
        var chased = 0;
        foreach (var request in book.InOrder.Where(r => RequestRules.NeedsChaser(book, r.Agency.Name, timerId)))
        {
            var letter = RequestLetter.Chaser(
                caseCode,
                request.Agency.Name,
                BritishDates.Date(request.DueOn),
                playbook.InformationRequests.ReturnTo,
                dueToday,
                $"Information request – {caseCode} – {request.Agency.Name}",
                letterOptions.Value.Signature ?? $"{playbook.Name} business unit");
            var sent = await mail.SendAsync(Mailbox, new OutboundMail(request.Agency.Addresses, letter.Subject, letter.Body), $"chaser:{caseCode}:{request.Agency.Name}:{timerId}", cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var chaser = new ChaserSent(request.Agency.Name, timerId, new SentMessage(sent.InternetMessageId ?? sent.Id, sent.ConversationId, "chaser", now));
            await cases.DecideAsync(caseCode, (s, _) => RequestRules.NeedsChaser(s.Requests, request.Agency.Name, timerId) ? RequestRules.MarkChased(s.Requests, chaser, now) : [], cancellationToken).ConfigureAwait(false);
            chased++;
            LogChased(caseCode, request.Agency.Name, dueToday ? "on the day" : "the working day before");
        }

        if (chased > 0)
        {
            await card.ShowAsync(caseCode, cancellationToken).ConfigureAwait(false);
        }

        return chased;
    }

    /// <summary>Marks open requests overdue once the deadline passes; returns the agencies now late.</summary>
    public async Task<IReadOnlyList<string>> MarkOverdueAsync(string caseCode, string timerId, CancellationToken cancellationToken)
    {
        var outcome = await cases.DecideAsync(caseCode, (s, now) => RequestRules.MarkOverdue(s.Requests, timerId, now), cancellationToken).ConfigureAwait(false);
        return [.. outcome.Appended.Select(e => RequestJson.Read<RequestOverdue>(e.Data).Agency)];
    }

    private string Mailbox => mailbox.Value.Mailbox ?? throw new InvalidOperationException("Graph:Mailbox is not set: information requests are sent from the partnership mailbox.");

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The returns deadline if the requests go out at <paramref name="sentAt"/> (it may count from the request).</summary>
    private DateOnly DueOnIfSent(Playbook playbook, CaseState state, DateTimeOffset sentAt) =>
        cases.Schedule.Timetable(playbook, state with { RequestedAt = state.RequestedAt ?? sentAt }).Get(playbook.InformationRequests.ReturnsDue).DueDate;

    internal static string Payload(string caseCode, RequestTimer timer) =>
        JsonSerializer.Serialize(new RequestTimerPayload(caseCode, timer.DueToday), RequestJson.Options);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CaseCode}: {Count} agencies chosen; requests go out at {SendAt}.")]
    private partial void LogChosen(string caseCode, int count, DateTimeOffset sendAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CaseCode}: request sent to {Agency} with {Attachments} form(s).")]
    private partial void LogSent(string caseCode, string agency, int attachments);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CaseCode}: {Agency} chased {When}.")]
    private partial void LogChased(string caseCode, string agency, string when);
}

/// <summary>What a request timer carries.</summary>
public sealed record RequestTimerPayload(string CaseCode, bool DueToday);
