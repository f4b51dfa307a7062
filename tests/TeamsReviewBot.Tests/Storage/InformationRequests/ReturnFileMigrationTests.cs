using TeamsReviewBot.Storage.Files;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage.InformationRequests;

[Collection(AzuriteGroup.Name)]
public class ReturnFileMigrationTests(AzuriteFixture azurite)
{
    private const string Id = "RR-OLD-2027-0003|4F2A|0";

    [Fact]
    public async Task A_file_kept_in_chunk_rows_moves_to_a_blob_and_reads_the_same()
    {
        var tables = azurite.CreateTables();
        var content = Bytes(150_000);
        await LegacyReturnFiles.WriteAsync(tables, Id, "police return.docx", content);
        var store = azurite.CreateReturnFiles(tables);
        Assert.Equal(content, (await store.FindAsync(Id))!.Content.ToArray());

        Assert.Equal(1, (await Migration(tables).RunAsync()).Moved);

        Assert.Equal(["meta"], await LegacyReturnFiles.RowsAsync(tables, Id));
        var read = await store.FindAsync(Id);
        Assert.Equal("police return.docx", read!.Name);
        Assert.Equal(content, read.Content.ToArray());
    }

    [Fact]
    public async Task Running_again_moves_nothing_more()
    {
        var tables = azurite.CreateTables();
        await LegacyReturnFiles.WriteAsync(tables, Id, "police return.docx", Bytes(70_000));
        await LegacyReturnFiles.WriteAsync(tables, "RR-OLD-2027-0003|4F2A|1", "empty.txt", []);
        var migration = Migration(tables);

        Assert.Equal(2, (await migration.RunAsync()).Moved);
        Assert.Equal(0, (await migration.RunAsync()).Moved);
        Assert.Empty((await azurite.CreateReturnFiles(tables).FindAsync("RR-OLD-2027-0003|4F2A|1"))!.Content.ToArray());
    }

    [Fact]
    public async Task A_move_cut_short_after_the_upload_finishes_on_the_next_run_with_one_blob()
    {
        var tables = azurite.CreateTables();
        var content = Bytes(90_000);
        await LegacyReturnFiles.WriteAsync(tables, Id, "police return.docx", content);
        // What a crash after the upload leaves: the blob, and the old rows still naming no blob.
        var blobs = new CaseFileBlobs(azurite.Blobs);
        await blobs.PutAsync(tables.Names.ReturnFileContainer, ReturnFileStore.FolderOf(Id), content);

        Assert.Equal(1, (await Migration(tables).RunAsync()).Moved);

        Assert.Equal(content, (await azurite.CreateReturnFiles(tables).FindAsync(Id))!.Content.ToArray());
        var names = new List<string>();
        await foreach (var blob in azurite.Blobs.GetBlobContainerClient(tables.Names.ReturnFileContainer).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Single(names);
    }

    [Fact]
    public async Task Chunk_rows_left_by_a_move_cut_short_after_the_row_named_its_blob_are_cleared()
    {
        var tables = azurite.CreateTables();
        var content = Bytes(130_000);
        await LegacyReturnFiles.WriteAsync(tables, Id, "police return.docx", content);
        var table = await tables.GetAsync(tables.Names.ReturnFiles);
        var blob = await new CaseFileBlobs(azurite.Blobs).PutAsync(tables.Names.ReturnFileContainer, ReturnFileStore.FolderOf(Id), content);
        await table.UpsertEntityAsync(ReturnFileStore.MetaRow(Id, "police return.docx", "application/octet-stream", content.Length, blob, CaseFileBlobs.Digest(content)), Azure.Data.Tables.TableUpdateMode.Replace);

        Assert.Equal(0, (await Migration(tables).RunAsync()).Moved);

        Assert.Equal(["meta"], await LegacyReturnFiles.RowsAsync(tables, Id));
        Assert.Equal(content, (await azurite.CreateReturnFiles(tables).FindAsync(Id))!.Content.ToArray());
    }

    [Fact]
    public async Task A_file_whose_chunks_are_incomplete_keeps_its_rows_is_named_and_the_others_still_move()
    {
        var tables = azurite.CreateTables();
        await LegacyReturnFiles.WriteAsync(tables, Id, "police return.docx", Bytes(130_000));
        await LegacyReturnFiles.WriteAsync(tables, "RR-OLD-2027-0003|4F2A|1", "health return.docx", Bytes(10_000));
        var table = await tables.GetAsync(tables.Names.ReturnFiles);
        await table.DeleteEntityAsync(Id, "chunk-00001");

        var result = await Migration(tables).RunAsync();

        Assert.Equal(1, result.Moved);
        Assert.Equal([Id], result.Damaged);
        Assert.Equal(["chunk-00000", "chunk-00002", "meta"], await LegacyReturnFiles.RowsAsync(tables, Id));
        Assert.Equal(["meta"], await LegacyReturnFiles.RowsAsync(tables, "RR-OLD-2027-0003|4F2A|1"));
    }

    private ReturnFileMigration Migration(TeamsReviewBot.Storage.StorageTables tables) => new(tables, new CaseFileBlobs(azurite.Blobs));

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }
}
