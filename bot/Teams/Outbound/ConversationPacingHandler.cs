namespace TeamsReviewBot.Teams.Outbound;

/// <summary>Paces every call that targets one conversation (/v3/conversations/{id}/…) through the
/// <see cref="ConversationPacer"/>; creating a conversation is not a per-thread operation.</summary>
public sealed class ConversationPacingHandler(ConversationPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ConversationIdOf(request.RequestUri) is { } conversationId)
        {
            await pacer.WaitTurnAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    internal static string? ConversationIdOf(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var path = uri.AbsolutePath;
        const string marker = "/v3/conversations/";
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = path[(start + marker.Length)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return Uri.UnescapeDataString(end < 0 ? rest : rest[..end]);
    }
}
