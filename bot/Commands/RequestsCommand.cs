using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Commands;

/// <summary>"requests RR-OLD-2027-0003": where every agency stands on the case's information requests.</summary>
public sealed class RequestsCommand(AggregateStore<RequestBook> books, TimeProvider time) : IChatCommand
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string Name => "requests";

    public string Usage => "requests <case code>";

    public string Summary => "Show which agencies have returned their information for a case, which are due and which are late.";

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var codes = SubjectLine.CaseCodes(request.Arguments);
        if (codes.Count != 1)
        {
            return CommandReply.Message("Give one case code, e.g. `requests RR-OLD-2027-0003`.");
        }

        var book = (await books.LoadAsync(RequestBook.StreamIdFor(codes[0]), cancellationToken).ConfigureAwait(false)).State;
        if (book.Requests.Count == 0)
        {
            return CommandReply.Message($"No agencies have been chosen for information requests on {codes[0]} yet.");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime);
        return CommandReply.WithCard(ReturnStatusCard.Create(book, today));
    }
}
