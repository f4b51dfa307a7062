using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>A refer form whose case failed to open is not used up: pressing again opens its one case.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReferFormRetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly StorageOutage _outage = new();
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, services: services =>
        {
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 2;
            options.AddPolicy(_outage, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
        });
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_refer_form_whose_case_failed_to_open_opens_it_when_pressed_again_and_only_once()
    {
        var form = await _bot.OpenReferFormAsync(Bea);

        // Storage refuses the case's first write: nothing is opened and the manager is asked to press again.
        _outage.FailNextBatch();
        var failed = await _bot.SubmitReferFormAsync(Bea, form);
        Assert.Contains("press the button again", PanelBot.Words(failed), StringComparison.Ordinal);

        var retried = PanelBot.Words(await _bot.SubmitReferFormAsync(Bea, form));
        var code = Regex.Match(retried, @"\bCase (RR-OLD-2026-\d{4})").Groups[1].Value;
        Assert.True(code.Length > 0, $"Pressing the form again should open its case; the bot answered: {retried}");

        var again = await _bot.SubmitReferFormAsync(Bea, form);
        Assert.Contains($"already opened case {code}", PanelBot.Words(again), StringComparison.Ordinal);
        Assert.Single(await _bot.StreamAsync(code), e => e.Type == CaseEventTypes.CaseOpened);
        Assert.Single(_bot.Teams.Calls, c => c.Path == "/v3/conversations" && c.Body?.ToJsonString().Contains(code, StringComparison.Ordinal) == true);
    }

    /// <summary>Storage answering 503 to the next table transaction, as during an outage.</summary>
    private sealed class StorageOutage : HttpPipelinePolicy
    {
        private int _failNextBatch;

        public void FailNextBatch() => Interlocked.Exchange(ref _failNextBatch, 1);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Refuse(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Refuse(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Refuse(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Post
                && message.Request.Uri.Path.Contains("batch", StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref _failNextBatch, 0, 1) == 1)
            {
                throw new RequestFailedException(503, "The server is busy (a storage outage in this test).");
            }
        }
    }
}
