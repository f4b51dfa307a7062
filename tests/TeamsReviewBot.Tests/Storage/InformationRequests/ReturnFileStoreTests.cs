using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.InformationRequests;

namespace TeamsReviewBot.Tests.Storage.InformationRequests;

[Collection(AzuriteGroup.Name)]
public class ReturnFileStoreTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(61_440)]
    [InlineData(3 * 1024 * 1024 + 17)]
    public async Task A_file_comes_back_byte_for_byte_whatever_its_size(int size)
    {
        var store = new ReturnFileStore(azurite.CreateTables());
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);

        await store.SaveAsync(new StoredFile("RR-OLD-2027-0003|abc", "return.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes));
        var read = await store.FindAsync("RR-OLD-2027-0003|abc");

        Assert.NotNull(read);
        Assert.Equal("return.docx", read.Name);
        Assert.True(bytes.AsSpan().SequenceEqual(read.Content.Span));
    }

    [Fact]
    public async Task A_file_never_stored_is_not_found() =>
        Assert.Null(await new ReturnFileStore(azurite.CreateTables()).FindAsync("nothing"));
}
