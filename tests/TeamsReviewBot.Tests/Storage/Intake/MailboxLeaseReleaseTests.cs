using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Storage.Intake;

/// <summary>After a deployment or restart the new instance takes the mailbox leases ("subscription",
/// "delta") at once: the stopped instance gave them up, instead of leaving them to expire in 20 and
/// 30 minutes while referrals wait.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MailboxLeaseReleaseTests(AzuriteFixture azurite)
{
    private static readonly string[] Leases = ["subscription", "delta"];

    [Fact]
    public async Task A_restarted_bot_holds_the_mailbox_leases_within_seconds()
    {
        await using var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel);
        var first = bot.Services.GetRequiredService<StorageLease>().Owner;
        await WaitForOwnerAsync(bot, first);

        await bot.RestartAsync();

        var second = bot.Services.GetRequiredService<StorageLease>().Owner;
        Assert.NotEqual(first, second);
        await WaitForOwnerAsync(bot, second);
    }

    [Fact]
    public async Task Releasing_gives_up_only_a_lease_this_instance_holds()
    {
        var tables = azurite.CreateTables();
        var stopping = new StorageLease(tables, TimeProvider.System);
        var other = new StorageLease(tables, TimeProvider.System);
        Assert.True(await stopping.TryAcquireAsync("delta", TimeSpan.FromMinutes(20)));
        Assert.False(await other.TryAcquireAsync("delta", TimeSpan.FromMinutes(20)));

        await stopping.ReleaseAsync("delta");

        Assert.True(await other.TryAcquireAsync("delta", TimeSpan.FromMinutes(20)));
        // The first instance, stopping late, must not take away what the other now holds.
        await stopping.ReleaseAsync("delta");
        Assert.False(await stopping.TryAcquireAsync("delta", TimeSpan.FromMinutes(20)));
        Assert.Equal(other.Owner, await OwnerAsync(tables, "delta"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task A_take_or_renewal_stored_but_whose_answer_was_lost_is_still_this_instance_s(string method)
    {
        var prefix = AzuriteFixture.NewPrefix();
        var faults = new StorageFaults();
        var holder = new StorageLease(faults.Tables(azurite.ConnectionString, prefix), TimeProvider.System);
        var other = new StorageLease(azurite.CreateTables(prefix), TimeProvider.System);
        if (method == "PUT")
        {
            Assert.True(await holder.TryAcquireAsync("delta", TimeSpan.FromMinutes(1)));
        }

        // The table client retries the lost add (409) or renewal under its ETag (412).
        faults.LoseNextAnswer(m => m.Request.Method == RequestMethod.Parse(method) && m.Request.Uri.Path.Contains("MailboxSync", StringComparison.Ordinal));
        Assert.True(await holder.TryAcquireAsync("delta", TimeSpan.FromMinutes(1)));

        Assert.Equal(1, faults.Fired);
        Assert.False(await other.TryAcquireAsync("delta", TimeSpan.FromMinutes(1)));
        Assert.Equal(holder.Owner, await OwnerAsync(azurite.CreateTables(prefix), "delta"));
    }

    private static async Task WaitForOwnerAsync(PanelBot bot, string owner)
    {
        var tables = bot.Services.GetRequiredService<StorageTables>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string?[] owners = [];
        while (DateTime.UtcNow < deadline)
        {
            owners = await Task.WhenAll(Leases.Select(name => OwnerAsync(tables, name)));
            if (owners.All(o => o == owner))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The mailbox leases were held by [{string.Join(", ", owners)}], not by {owner}, 30 seconds after it started.");
    }

    private static async Task<string?> OwnerAsync(StorageTables tables, string name)
    {
        var table = await tables.GetAsync(tables.Names.MailboxSync);
        var row = await table.GetEntityIfExistsAsync<TableEntity>("lease", name);
        return row.HasValue ? row.Value!.GetString("Owner") : null;
    }
}
