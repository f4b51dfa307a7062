using TeamsReviewBot.Workflows.Intake;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Workflows.Intake.Storage;

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
