using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Tests.Workflows.Intake;

public sealed class NotificationsEndpointTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("/api/notifications")]
    [InlineData("/api/notifications/lifecycle")]
    public async Task The_validation_handshake_echoes_the_decoded_token_as_plain_text(string path)
    {
        await using var local = await LocalIntake.StartAsync();
        var token = "Validation: Testing client application reachability for subscription Request-Id: 1c5a";

        using var response = await local.BotClient.PostAsync(new Uri($"{path}?validationToken={Uri.EscapeDataString(token)}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(token, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_notification_is_stored_and_answered_202_quickly_without_calling_Graph()
    {
        await using var local = await LocalIntake.StartAsync();

        // With the worker stopped, any Graph call would have to come from the endpoint itself.
        await local.Services.GetRequiredService<IntakeWorker>().StopAsync(CancellationToken.None);
        var graphCallsBefore = local.Sandbox.State.Stats.GraphRequests;
        var clock = Stopwatch.StartNew();

        using var response = await PostAsync(local, LocalIntake.ClientState, "AAMkADnotyetread");

        output.WriteLine($"202 after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"answered in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(graphCallsBefore, local.Sandbox.State.Stats.GraphRequests);
        Assert.Equal(1, await local.Services.GetRequiredService<MailWorkInbox>().CountAsync());
    }

    [Fact]
    public async Task A_notification_with_the_wrong_client_state_is_not_stored()
    {
        await using var local = await LocalIntake.StartAsync();
        await local.Services.GetRequiredService<IntakeWorker>().StopAsync(CancellationToken.None);

        using var response = await PostAsync(local, "someone-elses-secret-000000000", "AAMkADforged");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, await local.Services.GetRequiredService<MailWorkInbox>().CountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_notification_gets_400()
    {
        await using var local = await LocalIntake.StartAsync();

        using var content = new StringContent("{\"hello\":1}", Encoding.UTF8, "application/json");
        using var response = await local.BotClient.PostAsync(new Uri("/api/notifications", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_validation_token_carrying_HTML_is_echoed_as_plain_text_that_a_browser_must_not_sniff()
    {
        await using var local = await LocalIntake.StartAsync();

        using var response = await local.BotClient.PostAsync(new Uri($"/api/notifications?validationToken={Uri.EscapeDataString("<html><script>alert(1)</script>")}", UriKind.Relative), null);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_chunked_body_with_no_Content_Length_is_cut_off_at_1_MB_and_answered_413()
    {
        await using var local = await LocalIntake.StartAsync();
        await local.Services.GetRequiredService<IntakeWorker>().StopAsync(CancellationToken.None);
        var items = string.Join(",", Enumerable.Range(0, 12_000).Select(i => Item(local, LocalIntake.ClientState, $"AAMkADbig{i}")));
        var json = Encoding.UTF8.GetBytes($$"""{"value":[{{items}}]}""");
        Assert.True(json.Length > 2 * 1024 * 1024, $"{json.Length} bytes");

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/notifications", UriKind.Relative))
        {
            Content = new StreamContent(new UnknownLengthStream(json)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        using var response = await local.BotClient.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await local.Services.GetRequiredService<MailWorkInbox>().CountAsync());
    }

    [Fact]
    public async Task A_flood_of_forged_notifications_is_logged_once_with_its_count_not_once_per_item()
    {
        await using var local = await LocalIntake.StartAsync();
        await local.Services.GetRequiredService<IntakeWorker>().StopAsync(CancellationToken.None);

        for (var post = 0; post < 3; post++)
        {
            var items = string.Join(",", Enumerable.Range(0, 50).Select(i => Item(local, "forged-client-state-0000000000", $"AAMkADforged{post}-{i}")));
            using var content = new StringContent($$"""{"value":[{{items}}]}""", Encoding.UTF8, "application/json");
            using var response = await local.BotClient.PostAsync(new Uri("/api/notifications", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var lines = local.Logs.Lines.Where(l => l.Message.Contains("clientState does not match", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith("Ignored 50 notification(s)", line.Message, StringComparison.Ordinal);
        Assert.Equal(0, await local.Services.GetRequiredService<MailWorkInbox>().CountAsync());
    }

    [Fact]
    public void An_unresolved_Key_Vault_reference_stops_start_up_instead_of_becoming_the_client_state()
    {
        using var bot = new TeamsReviewBot.Tests.Infrastructure.BotApplicationFactory(new TeamsReviewBot.Tests.Infrastructure.AzuriteFixture(), new Dictionary<string, string?>
        {
            ["Graph:UseSandbox"] = "true",
            ["Graph:Mailbox"] = "referrals@partnership.example",
            ["Graph:NotificationUrl"] = "https://bot.example/api/notifications",
            ["Graph:ClientStateSecret"] = "@Microsoft.KeyVault(SecretUri=https://kv-oscp.vault.azure.net/secrets/graph-client-state/)",
            ["Intake:Partnership"] = LocalIntake.Partnership,
        });

        var error = Assert.ThrowsAny<Exception>(bot.StartServer);

        Assert.Contains("Key Vault reference", error.ToString(), StringComparison.Ordinal);
    }

    private static string Item(LocalIntake local, string clientState, string messageId) => $$"""
        {"subscriptionId":"s1","changeType":"created","clientState":"{{clientState}}",
        "resource":"Users/{{local.Mailbox}}/Messages/{{messageId}}","resourceData":{"@odata.type":"#Microsoft.Graph.Message","id":"{{messageId}}"},"tenantId":"t1"}
        """;

    /// <summary>A body whose length the client cannot know in advance, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }

    private static async Task<HttpResponseMessage> PostAsync(LocalIntake local, string clientState, string messageId)
    {
        var json = $$"""
            {"value":[{"subscriptionId":"s1","changeType":"created","clientState":"{{clientState}}",
            "resource":"Users/{{local.Mailbox}}/Messages/{{messageId}}","resourceData":{"@odata.type":"#Microsoft.Graph.Message","id":"{{messageId}}"},
            "tenantId":"t1"}]}
            """;
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await local.BotClient.PostAsync(new Uri("/api/notifications", UriKind.Relative), content);
    }
}
