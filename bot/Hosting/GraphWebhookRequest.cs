namespace TeamsReviewBot.Hosting;

/// <summary>
/// What every Graph change-notification webhook of the bot does alike: answer the validation handshake
/// (200, text/plain, the token, marked nosniff so a browser never renders it as a page) and read the
/// body to at most 1 MB whether or not it declares a Content-Length, as the endpoints are
/// unauthenticated and the clientState inside is the proof.
/// </summary>
public static class GraphWebhookRequest
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The handshake's answer when the request is Graph's validation (…?validationToken=x), else null.</summary>
    public static IResult? ValidationEcho(HttpRequest request)
    {
        if (!request.Query.TryGetValue("validationToken", out var token))
        {
            return null;
        }

        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Text(token.ToString(), "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
    }

    /// <summary>The body as text, or null when it runs past <see cref="MaxBodyBytes"/>; never reads more than one byte beyond.</summary>
    public static async Task<string?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel then refuses to read further itself; the loop below is the limit everywhere else.
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBodyBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return length > MaxBodyBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
