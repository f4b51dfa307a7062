using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>Where the bot fetches files people attach in their personal chat from, and how much.</summary>
public sealed class ChatFileOptions
{
    public const string SectionName = "ChatFiles";

    /// <summary>Hosts ("host" or "host:port") trusted besides Teams' own file hosts, over http or https:
    /// for a local test server only. Empty in production.</summary>
    public IList<string> ExtraAllowedHosts { get; } = [];

    /// <summary>The largest file taken (bytes); a report is a few hundred kilobytes.</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}

/// <summary>What became of fetching a file: its bytes, or a sentence saying why not.</summary>
public sealed record ChatFileDownload(byte[]? Content, string? Refusal);

/// <summary>
/// Fetches a file Teams attached to a personal-chat message from its <c>downloadUrl</c>. The URL
/// comes from the activity, which anyone able to reach the endpoint shapes, so it is only followed
/// when it is an https address on a SharePoint Online host (*.sharepoint.com: OneDrive for Business
/// and SharePoint, where Teams keeps files sent to a bot), or a host the configuration names for
/// tests (<see cref="ChatFileOptions.ExtraAllowedHosts"/>). Redirects are not followed (one could
/// lead anywhere), credentials in the URL are refused, and the download stops at
/// <see cref="ChatFileOptions.MaxBytes"/>.
/// </summary>
public sealed class ChatFileDownloads(IHttpClientFactory clients, IOptions<ChatFileOptions> options)
{
    /// <summary>The named HTTP client: no redirects followed.</summary>
    public const string ClientName = "chat-files";

    public const string TeamsFileHostSuffix = ".sharepoint.com";

    /// <summary>True when <paramref name="url"/> is an address the bot may fetch a chat file from.</summary>
    public bool IsAllowed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.Scheme is not ("https" or "http"))
        {
            return false;
        }

        if (options.Value.ExtraAllowedHosts.Any(h => string.Equals(h, uri.Authority, StringComparison.OrdinalIgnoreCase) || string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase) && uri.IsDefaultPort))
        {
            return true;
        }

        return uri.Scheme == "https" && uri.IsDefaultPort && uri.Host.EndsWith(TeamsFileHostSuffix, StringComparison.OrdinalIgnoreCase) && uri.Host.Length > TeamsFileHostSuffix.Length;
    }

    public async Task<ChatFileDownload> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!IsAllowed(url))
        {
            return new(null, "The file's address is not one Teams keeps chat files at (an https address on SharePoint Online), so I did not fetch it.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return new(null, "I could not fetch the file from Teams just now. Please attach it again in a minute.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, "Fetching the file from Teams took too long. Please attach it again in a minute.");
        }

        using (response)
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                return new(null, "Teams sent the file's address on elsewhere, and I only fetch files from where Teams keeps them, so I did not follow it.");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new(null, $"Teams did not give me the file ({(int)response.StatusCode}); its link may have expired. Please attach it again.");
            }

            var max = options.Value.MaxBytes;
            if (response.Content.Headers.ContentLength > max)
            {
                return new(null, $"The file is larger than the {max / (1024 * 1024)} MB I take for a report, so it was not taken.");
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > max)
                    {
                        return new(null, $"The file is larger than the {max / (1024 * 1024)} MB I take for a report, so it was not taken.");
                    }

                    buffer.Write(chunk, 0, read);
                }

                return new(buffer.ToArray(), null);
            }
        }
    }
}
