using System.Globalization;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>The information requests' events as lines of the case's audit trail: agencies, dates and
/// counts, never a child's details (the letters' child reference is not in these events).</summary>
public static class RequestAuditLines
{
    /// <summary>The line for a request event, or null when <paramref name="e"/> is not one.</summary>
    public static string? Line(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Type)
        {
            case RequestEventTypes.AgenciesChosen:
                var chosen = RequestJson.Read<AgenciesChosen>(e.Data);
                return $"{chosen.ChosenByName} chose {string.Join(", ", chosen.Agencies.Select(a => a.Name))} to ask for information: requests go out {BritishDates.Date(chosen.SendOn)}, due back {BritishDates.Date(chosen.DueOn)}.";
            case RequestEventTypes.RequestSent:
                var sent = RequestJson.Read<RequestSent>(e.Data);
                return $"The information request to {sent.Agency} was sent, due back {BritishDates.Date(sent.DueOn)}.";
            case RequestEventTypes.ChaserSent:
                return $"{RequestJson.Read<ChaserSent>(e.Data).Agency} was chased for its information.";
            case RequestEventTypes.ReplyRecorded:
                var reply = RequestJson.Read<ReplyRecorded>(e.Data);
                return string.Create(CultureInfo.InvariantCulture, $"{reply.Agency} replied: {Said(reply.Kind)}; {reply.Attachments.Count(a => a.Accepted)} file(s) kept (placed by {reply.Rule}).");
            case RequestEventTypes.RequestOverdue:
                var overdue = RequestJson.Read<RequestOverdue>(e.Data);
                return $"The information request to {overdue.Agency} became overdue (due {BritishDates.Date(overdue.DueOn)}).";
            case RequestEventTypes.ChronologyCollated:
                var collated = RequestJson.Read<ChronologyCollated>(e.Data);
                return string.Create(CultureInfo.InvariantCulture, $"The multi-agency chronology was merged: {collated.Rows} entries from {collated.Returns} returned documents ({collated.Reason}).");
            case RequestEventTypes.ReturnCardPosted:
                return "The return card was posted in the case's thread.";
            case CaseEventTypes.RequestStreamCopied:
                var copied = CaseJson.Read<RequestStreamCopied>(e.Data);
                return string.Create(CultureInfo.InvariantCulture, $"{copied.Events} information-request events were moved onto the case from its earlier requests stream.");
            default:
                return null;
        }
    }

    private static string Said(ReplyKind kind) => kind switch
    {
        ReplyKind.Return => "its information",
        ReplyKind.NoRecordsHeld => "no records held",
        ReplyKind.Automatic => "an automatic reply, which changes nothing",
        _ => "a message that returns nothing yet",
    };
}
