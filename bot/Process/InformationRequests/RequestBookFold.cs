using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>Folds a case's request events into its <see cref="RequestBook"/>. Unknown types are skipped.</summary>
public sealed class RequestBookFold : IStreamFold<RequestBook>
{
    public RequestBook Initial(string streamId) => new() { StreamId = streamId };

    public RequestBook Apply(RequestBook state, StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Type switch
        {
            RequestEventTypes.AgenciesChosen => Chosen(state, RequestJson.Read<AgenciesChosen>(stored.Data)),
            RequestEventTypes.RequestSent => Sent(state, RequestJson.Read<RequestSent>(stored.Data), stored.OccurredAt),
            RequestEventTypes.ChaserSent => Chased(state, RequestJson.Read<ChaserSent>(stored.Data)),
            RequestEventTypes.ReplyRecorded => Replied(state, RequestJson.Read<ReplyRecorded>(stored.Data)),
            RequestEventTypes.RequestOverdue => Overdue(state, RequestJson.Read<RequestOverdue>(stored.Data)),
            RequestEventTypes.ChronologyCollated => state with { Collated = RequestJson.Read<ChronologyCollated>(stored.Data) },
            RequestEventTypes.ReturnCardPosted => state with { ReturnCard = state.ReturnCard ?? RequestJson.Read<ReturnCardPosted>(stored.Data) },
            _ => state,
        };
    }

    private static RequestBook Chosen(RequestBook state, AgenciesChosen e)
    {
        var requests = state.Requests;
        foreach (var agency in e.Agencies.Where(a => !state.Requests.ContainsKey(a.Name)))
        {
            requests = requests.SetItem(agency.Name, new AgencyRequest { Agency = agency, DueOn = e.DueOn });
        }

        return state with
        {
            CaseCode = e.CaseCode,
            Partnership = e.Partnership,
            SendOn = state.SendOn ?? e.SendOn,
            DueOn = state.DueOn ?? e.DueOn,
            ChildReference = e.ChildReference ?? state.ChildReference,
            Requests = requests,
        };
    }

    private static RequestBook Sent(RequestBook state, RequestSent e, DateTimeOffset at) =>
        Update(state, e.Agency, r => r with
        {
            Status = RequestStatus.Sent,
            SentAt = at,
            DueOn = e.DueOn,
            Messages = r.Messages.Add(e.Message),
        });

    private static RequestBook Chased(RequestBook state, ChaserSent e) =>
        Update(state, e.Agency, r => r with
        {
            Status = r.IsOpen ? RequestStatus.Chased : r.Status,
            Chasers = r.Chasers + 1,
            Messages = r.Messages.Add(e.Message),
        }) with
        { DoneTimers = state.DoneTimers.Add(RequestRules.ChaserKey(e.TimerId, e.Agency)) };

    private static RequestBook Replied(RequestBook state, ReplyRecorded e) =>
        Update(state, e.Agency, r => r with
        {
            Status = (e.Kind, r.Status) switch
            {
                (ReplyKind.Return, _) => RequestStatus.Returned,
                (ReplyKind.NoRecordsHeld, not RequestStatus.Returned) => RequestStatus.NoRecords,
                _ => r.Status,
            },
            Replies = r.Replies.Add(e),
        }) with
        { SeenReplies = state.SeenReplies.Add(e.InternetMessageId) };

    private static RequestBook Overdue(RequestBook state, RequestOverdue e) =>
        Update(state, e.Agency, r => r with { Status = r.IsOpen ? RequestStatus.Overdue : r.Status }) with
        { DoneTimers = state.DoneTimers.Add(e.TimerId) };

    private static RequestBook Update(RequestBook state, string agency, Func<AgencyRequest, AgencyRequest> change) =>
        state.Requests.TryGetValue(agency, out var request)
            ? state with { Requests = state.Requests.SetItem(agency, change(request)) }
            : state;
}
