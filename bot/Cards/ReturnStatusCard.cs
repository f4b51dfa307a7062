using System.Globalization;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Cards;

/// <summary>
/// Where every agency stands on a case's information requests, for the case's channel thread:
/// returned (or no records held), still due, late. Agency names, states and dates only: never a
/// child's details, which the requests themselves carried.
/// </summary>
public static class ReturnStatusCard
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static JsonObject Create(RequestBook book, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(book);
        var requests = book.InOrder.ToList();
        var closed = requests.Where(r => !r.IsOpen).ToList();
        var late = requests.Where(r => r.IsOpen && (r.Status == RequestStatus.Overdue || (r.Status != RequestStatus.Planned && r.DueOn < today))).ToList();
        var due = requests.Where(r => r.IsOpen && !late.Contains(r)).ToList();

        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Information requests – {book.CaseCode}"),
            AdaptiveCard.Facts(
            [
                ("Sent", Sent(book, requests)),
                ("Returns due", ReturnsDue(book, requests) is { } d ? Date(d) : "not set"),
                ("Returned", $"{closed.Count} of {requests.Count}"),
                ("Due", due.Count.ToString(English)),
                ("Late", late.Count.ToString(English)),
            ]),
        };

        Section(body, "Returned", closed, r => r.Status == RequestStatus.NoRecords
            ? $"no records held ({Date(ReplyDate(r))})"
            : $"returned {Date(ReplyDate(r))}");
        Section(body, "Late", late, r => $"was due {Date(r.DueOn)}{Chased(r)}");
        Section(body, "Due", due, r => r.Status == RequestStatus.Planned
            ? $"to be sent {(book.SendOn is { } s ? Date(s) : "when chosen")}"
            : $"due {Date(r.DueOn)}{Chased(r)}");
        if (book.Collated is { } collated)
        {
            // Every agency may answer that it holds no records: then there is nothing to merge, and saying
            // "collated: 0 entries from 0 returns" would read as if something had gone wrong.
            body.Add(AdaptiveCard.Text(
                collated.Returns == 0
                    ? "No agency returned documents, so the multi-agency chronology has no entries."
                    : $"Multi-agency chronology collated: {collated.Rows} entries from {collated.Returns} returns.",
                subtle: true));
        }

        return AdaptiveCard.Create(body);
    }

    /// <summary>The day the first letters went out, or when they are to go.</summary>
    private static string Sent(RequestBook book, List<AgencyRequest> requests) =>
        requests.Min(r => r.SentAt) is { } first
            ? Date(WorkingDayCalendar.LondonDate(first))
            : $"not yet (to be sent {(book.SendOn is { } s ? Date(s) : "when chosen")})";

    /// <summary>The deadline the letters gave, computed from the day they went (it may count from the
    /// request); before any went, the deadline expected when the agencies were chosen.</summary>
    private static DateOnly? ReturnsDue(RequestBook book, List<AgencyRequest> requests) =>
        requests.Where(r => r.SentAt is not null).OrderBy(r => r.SentAt).Select(r => (DateOnly?)r.DueOn).FirstOrDefault() ?? book.DueOn;

    private static void Section(List<JsonNode> body, string title, List<AgencyRequest> requests, Func<AgencyRequest, string> describe)
    {
        if (requests.Count == 0)
        {
            return;
        }

        body.Add(AdaptiveCard.Text($"**{title}**"));
        body.Add(AdaptiveCard.Facts(requests.Select(r => (r.Agency.Name, describe(r)))));
    }

    private static string Chased(AgencyRequest request) => request.Chasers switch
    {
        0 => string.Empty,
        1 => ", chased once",
        var n => $", chased {n} times",
    };

    private static DateOnly ReplyDate(AgencyRequest request) =>
        DateOnly.FromDateTime((request.Replies.LastOrDefault(r => r.Kind is ReplyKind.Return or ReplyKind.NoRecordsHeld)?.ReceivedAt ?? DateTimeOffset.MinValue).UtcDateTime);

    private static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", English);
}
