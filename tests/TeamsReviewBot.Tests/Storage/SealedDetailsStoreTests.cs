using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>The child's details sealed apart: unreadable in the table, readable with the key, gone with it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SealedDetailsStoreTests(AzuriteFixture azurite)
{
    private const string Child = "{\"childName\":\"Amelia Testchild\",\"childAddress\":\"12 Example Street\"}";

    [Fact]
    public async Task A_copy_of_the_table_shows_no_childs_details_while_the_key_holder_reads_them_back()
    {
        var (store, tables) = Create(Key());

        await store.SealAsync("RR-OLD-2026-0001", "referral", Child);

        Assert.Equal(Child, await store.OpenAsync("RR-OLD-2026-0001", "referral"));
        var dump = await DumpAsync(tables);
        Assert.DoesNotContain("Amelia", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("Example Street", dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_with_the_table_but_another_key_cannot_open_the_details()
    {
        var tables = azurite.CreateTables();
        var mine = new SealedDetailsStore(tables, azurite.CreatePayloads(tables), Options(Key()));
        var theirs = new SealedDetailsStore(tables, azurite.CreatePayloads(tables), Options(Key()));
        await mine.SealAsync("RR-OLD-2026-0002", "referral", Child);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => theirs.OpenAsync("RR-OLD-2026-0002", "referral"));
    }

    [Fact]
    public async Task A_sealed_row_copied_onto_another_case_does_not_open_there()
    {
        var (store, tables) = Create(Key());
        await store.SealAsync("RR-OLD-2026-0003", "referral", Child);
        await store.SealAsync("RR-OLD-2026-0004", "referral", "{}");
        var table = await tables.GetAsync(tables.Names.ChildDetails);
        var row = (await table.GetEntityAsync<TableEntity>("RR-OLD-2026-0003", "referral")).Value;

        await table.UpsertEntityAsync(new TableEntity("RR-OLD-2026-0004", "referral") { ["Sealed"] = row.GetString("Sealed") }, TableUpdateMode.Replace);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.OpenAsync("RR-OLD-2026-0004", "referral"));
    }

    [Fact]
    public async Task Erasing_a_case_deletes_its_key_so_a_copy_of_its_sealed_row_can_no_longer_be_opened()
    {
        var (store, tables) = Create(Key());
        await store.SealAsync("RR-OLD-2026-0005", "referral", Child);
        var table = await tables.GetAsync(tables.Names.ChildDetails);
        var copy = (await table.GetEntityAsync<TableEntity>("RR-OLD-2026-0005", "referral")).Value;

        Assert.Equal(2, await store.EraseAsync("RR-OLD-2026-0005"));
        Assert.Null(await store.OpenAsync("RR-OLD-2026-0005", "referral"));

        // Even a backup of the sealed row, put back, stays shut: its key is gone.
        await table.UpsertEntityAsync(copy, TableUpdateMode.Replace);
        Assert.Null(await store.OpenAsync("RR-OLD-2026-0005", "referral"));
    }

    [Fact]
    public async Task Free_text_too_long_for_a_table_property_is_sealed_into_Blob_Storage_and_read_back_whole()
    {
        var (store, tables) = Create(Key());
        var outline = "{\"incidentOutline\":\"" + new string('x', 60_000) + "\"}";

        await store.SealAsync("RR-OLD-2026-0006", "referral", outline);

        Assert.Equal(outline, await store.OpenAsync("RR-OLD-2026-0006", "referral"));
        var row = (await (await tables.GetAsync(tables.Names.ChildDetails)).GetEntityAsync<TableEntity>("RR-OLD-2026-0006", "referral")).Value;
        Assert.StartsWith("sealed/RR-OLD-2026-0006/", row.GetString("SealedBlob"), StringComparison.Ordinal);
        Assert.Null(row.GetString("Sealed"));
    }

    private (SealedDetailsStore Store, StorageTables Tables) Create(string key)
    {
        var tables = azurite.CreateTables();
        return (new SealedDetailsStore(tables, azurite.CreatePayloads(tables), Options(key)), tables);
    }

    private static IOptions<PrivacyOptions> Options(string key) => Microsoft.Extensions.Options.Options.Create(new PrivacyOptions { KeyEncryptionKey = key });

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<string> DumpAsync(StorageTables tables)
    {
        var table = await tables.GetAsync(tables.Names.ChildDetails);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(string.Join(";", row.Select(p => $"{p.Key}={p.Value}")));
        }

        return string.Join("\n", rows);
    }
}
