using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Afterwards;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Report;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Report;

/// <summary>
/// Report versions in Blob Storage: one blob per version in a container of their own, named by case
/// code and SHA-256, sealed with the case's key, named on the case's event, and deleted when the
/// case's details are erased; versions an earlier bot sealed as records are copied once at start-up.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportVersionFilesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_version_is_a_sealed_blob_named_by_case_and_hash_and_goes_when_the_case_is_erased()
    {
        var code = await RapidReviewCaseAsync(migrationRuns: true);
        var draft = (await _bot!.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default))!;
        var store = _bot.Services.GetRequiredService<ReportVersionStore>();
        var version = await store.AddAsync(draft, ReportVersionSources.Generated, Actor.System, "Draft.", default);

        var added = Assert.Single(await _bot.EventsAsync<ReportVersionAdded>(code, CaseEventTypes.ReportVersionAdded));
        Assert.Equal($"{code}/{draft.Sha256}", added.Blob);
        Assert.Equal(draft.Sha256, added.Sha256);
        var stored = await BlobAsync(added.Blob!);
        Assert.NotNull(stored);
        Assert.NotEqual(draft.Content, stored);
        Assert.DoesNotContain("word/document.xml", Encoding.Latin1.GetString(stored!), StringComparison.Ordinal);
        Assert.Equal(draft.Content, await store.OpenAsync(code, version, default));

        // A blob altered in storage is refused, not served.
        var container = Container();
        var tampered = (byte[])stored!.Clone();
        tampered[^1] ^= 0xFF;
        await container.GetBlobClient(added.Blob).UploadAsync(BinaryData.FromBytes(tampered), overwrite: true);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.OpenAsync(code, version, default));
        await container.GetBlobClient(added.Blob).UploadAsync(BinaryData.FromBytes(stored), overwrite: true);

        // Retention: once the closed case's period has passed, the version's blob is gone too.
        var cases = _bot.Services.GetRequiredService<CaseService>();
        await cases.DecideAsync(code, (_, now) => [new NewEvent(CaseEventTypes.Closed, CaseJson.Write(new Closed(Actor.System, "Closed for the retention test.")), now)], default);
        var retention = _bot.Services.GetServices<ITimerHandler>().Single(h => h.Kind == RetentionTimerHandler.TimerKind);
        await retention.HandleAsync(new DurableTimer(RetentionTimerHandler.TimerId(code), RetentionTimerHandler.TimerKind, code, _bot.Clock.GetUtcNow(), "{}"), default);
        Assert.Null(await BlobAsync(added.Blob!));
        Assert.Null(await store.OpenAsync(code, version, default));
        Assert.NotNull((await _bot.CaseAsync(code)).DetailsErasedAt);
    }

    [Fact]
    public async Task A_version_sealed_the_old_way_is_copied_to_its_blob_at_start_and_read_the_same_after_a_restart()
    {
        // The earlier bot: versions sealed as records of the case's details, no copying at start.
        var code = await RapidReviewCaseAsync(migrationRuns: false);
        var content = (await _bot!.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default))!.Content;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var sealedDetails = _bot.Services.GetRequiredService<SealedDetailsStore>();
        await sealedDetails.SealAsync(code, "report-" + sha, Convert.ToBase64String(content));
        var cases = _bot.Services.GetRequiredService<CaseService>();
        await cases.DecideAsync(code, (state, now) => ReportVersionRules.Add(state, sha, code + " - Rapid Review report draft.docx", content.Length, ReportVersionSources.Generated, Actor.System, "Draft.", now), default);
        var version = (await _bot.CaseAsync(code)).CurrentReportVersion!;
        Assert.Null(version.Blob);
        Assert.Equal(content, await _bot.Services.GetRequiredService<ReportVersionStore>().OpenAsync(code, version, default));

        await _bot.RestartAsync(services: Logs);
        await WaitForLogAsync("1 report versions copied from sealed records to their own blobs");

        Assert.Null(await _bot.Services.GetRequiredService<SealedDetailsStore>().OpenAsync(code, "report-" + sha));
        Assert.NotNull(await BlobAsync($"{code}/{sha}"));
        Assert.Equal(content, await _bot.Services.GetRequiredService<ReportVersionStore>().OpenAsync(code, (await _bot.CaseAsync(code)).CurrentReportVersion!, default));

        // Every version copied: the marker stands, and the next start looks at nothing.
        var again = await _bot.Services.GetRequiredService<ReportVersionMigration>().RunAsync();
        Assert.True(again.AlreadyDone);
    }

    [Fact]
    public async Task A_record_that_does_not_open_to_its_hash_is_left_and_named_and_the_marker_waits_until_none_is_left()
    {
        var code = await RapidReviewCaseAsync(migrationRuns: false);
        var sealedDetails = _bot!.Services.GetRequiredService<SealedDetailsStore>();
        var good = "a version that opens"u8.ToArray();
        var goodSha = Convert.ToHexStringLower(SHA256.HashData(good));
        await sealedDetails.SealAsync(code, "report-" + goodSha, Convert.ToBase64String(good));

        // A record whose bytes do not match the hash in its name: left alone, named, and the marker waits.
        var wrongSha = new string('0', 64);
        await sealedDetails.SealAsync(code, "report-" + wrongSha, Convert.ToBase64String("something else"u8.ToArray()));
        var migration = _bot.Services.GetRequiredService<ReportVersionMigration>();
        var first = await migration.RunAsync();
        Assert.Equal(1, first.Copied);
        Assert.Equal([$"{code} report-{wrongSha}"], first.Damaged);
        Assert.NotNull(await sealedDetails.OpenAsync(code, "report-" + wrongSha));
        Assert.Null(await sealedDetails.OpenAsync(code, "report-" + goodSha));

        await sealedDetails.DeleteRecordAsync(code, "report-" + wrongSha);
        var second = await migration.RunAsync();
        Assert.Equal((0, 0, false), (second.Copied, second.Damaged.Count, second.AlreadyDone));
        Assert.True((await migration.RunAsync()).AlreadyDone);
    }

    private void Logs(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_logs);

    private async Task<string> RapidReviewCaseAsync(bool migrationRuns)
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Timers:PollInterval"] = "01:00:00",
            ["Afterwards:RetentionAfterClosure"] = "30.00:00:00",
        }, services: s =>
        {
            Logs(s);
            if (!migrationRuns)
            {
                var atStart = s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReportVersionMigrationAtStart));
                s.Remove(atStart);
            }
        });
        var code = await _bot.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        return code;
    }

    private BlobContainerClient Container() =>
        _bot!.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(_bot.Services.GetRequiredService<TableNames>().ReportVersionContainer);

    private async Task<byte[]?> BlobAsync(string name)
    {
        var blob = Container().GetBlobClient(name);
        return await blob.ExistsAsync() ? (await blob.DownloadContentAsync()).Value.Content.ToArray() : null;
    }

    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_logs.Contains(text))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No log line \"{text}\" within 30 seconds: {_logs}");
            await Task.Delay(200);
        }
    }
}
