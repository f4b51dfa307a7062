using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Storage.InformationRequests;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

/// <summary>Returned files an earlier version kept in table chunks: the bot moves them to Blob Storage as it starts.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReturnFilesWrittenEarlierTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Files_kept_in_table_chunks_are_moved_to_blobs_when_the_bot_starts_and_read_back_the_same()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var tables = azurite.CreateTables(prefix);
        var police = Bytes(200_000);
        var school = Bytes(3_000);
        await LegacyReturnFiles.WriteAsync(tables, "RR-OLD-2027-0007|9C1D|0", "police chronology.docx", police);
        await LegacyReturnFiles.WriteAsync(tables, "RR-OLD-2027-0007|A4E2|0", "school return.docx", school);

        await using var bot = new BotApplicationFactory(azurite, TestIds.People(), prefix);
        bot.StartServer();

        // The move runs in the background: wait (at most half a minute) until it says it is done.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!bot.Logs.Contains("2 returned files moved from table rows to Blob Storage"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The returned files were not moved to Blob Storage within 30 seconds of start.");
            await Task.Delay(200);
        }

        Assert.Equal(["meta"], await LegacyReturnFiles.RowsAsync(tables, "RR-OLD-2027-0007|9C1D|0"));
        Assert.Equal(["meta"], await LegacyReturnFiles.RowsAsync(tables, "RR-OLD-2027-0007|A4E2|0"));
        var files = bot.Services.GetRequiredService<ReturnFileStore>();
        var policeRead = await files.FindAsync("RR-OLD-2027-0007|9C1D|0");
        Assert.Equal("police chronology.docx", policeRead!.Name);
        Assert.Equal(police, policeRead.Content.ToArray());
        Assert.Equal(school, (await files.FindAsync("RR-OLD-2027-0007|A4E2|0"))!.Content.ToArray());

        var blobs = new List<string>();
        await foreach (var blob in azurite.Blobs.GetBlobContainerClient(tables.Names.ReturnFileContainer).GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(2, blobs.Count);
        Assert.All(blobs, name => Assert.StartsWith("RR-OLD-2027-0007/", name, StringComparison.Ordinal));
    }

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }
}
