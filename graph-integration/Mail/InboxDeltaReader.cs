using Microsoft.Graph;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>
/// Walks the inbox's message delta: from the stored deltaLink (or from the start), page by page,
/// handing each page's message ids to the caller before moving on, and returns the new deltaLink
/// for the caller to store once everything was handed over. Each page carries the messages with
/// everything intake reads (the same properties <see cref="MailboxReader"/> selects, and the
/// attachment list with sizes but no content); they are held in <see cref="PrefetchedMessages"/> before
/// the ids are handed over, so a catch-up reads each message once, in pages, not once per message.
/// </summary>
public sealed class InboxDeltaReader(GraphServiceClient graph, PrefetchedMessages? prefetched = null)
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
            var messages = (response?.Value ?? [])
                .Where(m => m.Id is not null && m.AdditionalData?.ContainsKey("@removed") != true)
                .ToList();
            if (messages.Count > 0)
            {
                foreach (var message in messages)
                {
                    prefetched?.Add(message);
                }

                await onPage(messages.Select(m => m.Id!).ToList(), cancellationToken).ConfigureAwait(false);
            }

            if (response?.OdataNextLink is { } next)
            {
                response = await builder.WithUrl(next).GetAsDeltaGetResponseAsync(Configure, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response?.OdataDeltaLink ?? throw new InvalidOperationException("Graph ended a delta round without a deltaLink.");
        }
    }

    /// <summary>Graph keeps the first request's $select and $expand in the nextLink and deltaLink it
    /// returns, so later pages and rounds carry the same properties; only the page size is sent again.</summary>
    private static void Configure(Microsoft.Kiota.Abstractions.RequestConfiguration<DeltaRequestBuilder.DeltaRequestBuilderGetQueryParameters> request)
    {
        request.QueryParameters.Select = MailboxReader.Fields;
        request.QueryParameters.Expand = [MailboxReader.AttachmentListExpand];
        request.Headers.Add("Prefer", $"odata.maxpagesize={PageSize}");
    }
}
