using Microsoft.Graph;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>
/// Walks the inbox's message delta: from the stored deltaLink (or from the start), page by page,
/// handing each page's message ids to the caller before moving on, and returns the new deltaLink
/// for the caller to store once everything was handed over.
/// </summary>
public sealed class InboxDeltaReader(GraphServiceClient graph)
{
    private const int PageSize = 50;

    public async Task<string> ReadAsync(string mailbox, string? deltaLink, Func<IReadOnlyList<string>, CancellationToken, Task> onPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onPage);
        var builder = graph.Users[mailbox].MailFolders["inbox"].Messages.Delta;
        var response = deltaLink is null
            ? await builder.GetAsDeltaGetResponseAsync(Configure, cancellationToken).ConfigureAwait(false)
            : await builder.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(Configure, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var ids = (response?.Value ?? [])
                .Where(m => m.Id is not null && m.AdditionalData?.ContainsKey("@removed") != true)
                .Select(m => m.Id!)
                .ToList();
            if (ids.Count > 0)
            {
                await onPage(ids, cancellationToken).ConfigureAwait(false);
            }

            if (response?.OdataNextLink is { } next)
            {
                response = await builder.WithUrl(next).GetAsDeltaGetResponseAsync(Configure, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response?.OdataDeltaLink ?? throw new InvalidOperationException("Graph ended a delta round without a deltaLink.");
        }
    }

    private static void Configure(Microsoft.Kiota.Abstractions.RequestConfiguration<DeltaRequestBuilder.DeltaRequestBuilderGetQueryParameters> request)
    {
        request.QueryParameters.Select = ["id", "receivedDateTime"];
        request.Headers.Add("Prefer", $"odata.maxpagesize={PageSize}");
    }
}
