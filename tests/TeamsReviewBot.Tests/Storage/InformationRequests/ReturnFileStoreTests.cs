using Azure.Storage.Blobs.Models;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage.InformationRequests;

[Collection(AzuriteGroup.Name)]
public class ReturnFileStoreTests(AzuriteFixture azurite)
{
    private const string Id = "RR-OLD-2027-0003|abc|0";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(61_440)]
    [InlineData(3 * 1024 * 1024 + 17)]
    public async Task A_file_comes_back_byte_for_byte_whatever_its_size(int size)
    {
        var store = azurite.CreateReturnFiles(azurite.CreateTables());
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);

        await store.SaveAsync(new StoredFile(Id, "return.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes));
        var read = await store.FindAsync(Id);

        Assert.NotNull(read);
        Assert.Equal("return.docx", read.Name);
        Assert.True(bytes.AsSpan().SequenceEqual(read.Content.Span));
    }

    [Fact]
    public async Task A_file_never_stored_is_not_found() =>
        Assert.Null(await azurite.CreateReturnFiles(azurite.CreateTables()).FindAsync("nothing"));

    [Fact]
    public async Task The_bytes_are_one_blob_under_the_case_code_and_the_table_keeps_only_its_description()
    {
        var tables = azurite.CreateTables();
        var store = azurite.CreateReturnFiles(tables);

        await store.SaveAsync(new StoredFile(Id, "return.docx", "application/octet-stream", new byte[200_000]));

        var blobs = await BlobsAsync(tables.Names.ReturnFileContainer);
        var blob = Assert.Single(blobs);
        Assert.StartsWith("RR-OLD-2027-0003/", blob.Name, StringComparison.Ordinal);
        Assert.Equal(200_000, blob.Properties.ContentLength);
        Assert.Equal(["meta"], await LegacyReturnFiles.RowsAsync(tables, Id));
    }

    [Fact]
    public async Task Storing_the_same_id_again_replaces_the_file_and_leaves_one_blob()
    {
        var tables = azurite.CreateTables();
        var store = azurite.CreateReturnFiles(tables);

        await store.SaveAsync(new StoredFile(Id, "first.docx", "application/octet-stream", "first"u8.ToArray()));
        await store.SaveAsync(new StoredFile(Id, "second.docx", "application/octet-stream", "second"u8.ToArray()));

        var read = await store.FindAsync(Id);
        Assert.Equal("second.docx", read!.Name);
        Assert.Equal("second"u8.ToArray(), read.Content.ToArray());
        Assert.Single(await BlobsAsync(tables.Names.ReturnFileContainer));
    }

    [Fact]
    public async Task A_blob_altered_in_storage_is_refused_rather_than_read()
    {
        var tables = azurite.CreateTables();
        var store = azurite.CreateReturnFiles(tables);
        await store.SaveAsync(new StoredFile(Id, "return.docx", "application/octet-stream", "what the agency sent"u8.ToArray()));
        var blob = Assert.Single(await BlobsAsync(tables.Names.ReturnFileContainer));

        await azurite.Blobs.GetBlobContainerClient(tables.Names.ReturnFileContainer).GetBlobClient(blob.Name).UploadAsync(BinaryData.FromString("something else"), overwrite: true);

        var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => store.FindAsync(Id));
        Assert.Contains("SHA-256", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_file_deletes_its_blob_and_its_row()
    {
        var tables = azurite.CreateTables();
        var store = azurite.CreateReturnFiles(tables);
        await store.SaveAsync(new StoredFile(Id, "return.docx", "application/octet-stream", "what the agency sent"u8.ToArray()));
        await store.SaveAsync(new StoredFile("RR-OLD-2027-0003|abc|1", "other.docx", "application/octet-stream", "another file"u8.ToArray()));

        Assert.Equal(2, await store.DeleteAsync(Id));

        Assert.Null(await store.FindAsync(Id));
        Assert.Empty(await LegacyReturnFiles.RowsAsync(tables, Id));
        Assert.DoesNotContain(await BlobsAsync(tables.Names.ReturnFileContainer), b => b.Name.Contains("abc-0/", StringComparison.Ordinal));
        Assert.NotNull(await store.FindAsync("RR-OLD-2027-0003|abc|1"));
        Assert.Equal(0, await store.DeleteAsync(Id));
    }

    private async Task<List<BlobItem>> BlobsAsync(string container)
    {
        var blobs = new List<BlobItem>();
        await foreach (var blob in azurite.Blobs.GetBlobContainerClient(container).GetBlobsAsync())
        {
            blobs.Add(blob);
        }

        return blobs;
    }
}
