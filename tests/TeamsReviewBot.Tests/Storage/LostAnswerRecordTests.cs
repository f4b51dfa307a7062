using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Outlook;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.ConnectionCheck;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>
/// Records written once by an insert (a refusal or an Outlook action on record, a person's
/// acknowledgement of a connection check): when storage stores the insert and loses its answer, the
/// table client's retry meets the stored row (409). That is this very record, not a failure and not
/// someone else's earlier one.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LostAnswerRecordTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Ada = new("29:ada", "00000000-0000-0000-0000-0000000000ad", "tenant", "Ada Business Manager", []);

    [Fact]
    public async Task A_refusal_and_an_Outlook_action_whose_insert_lost_its_answer_are_on_record_once_without_an_error()
    {
        var (faults, flaky, prefix) = Flaky();
        var clock = new FakeTimeProvider(Now);

        faults.LoseNextAnswer(m => StorageFaults.Writes(m, RequestMethod.Post, "Audit"));
        await new RefusalAudit(flaky, clock, NullLogger<RefusalAudit>.Instance).RecordAsync("card:vote", Ada, "19:panel", "1001", "not a panel member", CancellationToken.None);
        faults.LoseNextAnswer(m => StorageFaults.Writes(m, RequestMethod.Post, "Audit"));
        await new OutlookAudit(flaky, clock).RecordAsync(Ada, OutlookMailAction.NotPart, "<mail-1@school.example>", null, null, CancellationToken.None);

        Assert.Equal(2, faults.Fired);
        var rows = await new RefusalAudit(azurite.CreateTables(prefix), clock, NullLogger<RefusalAudit>.Instance).ListAsync(Now, CancellationToken.None);
        Assert.Equal(["Outlook", "Refused"], rows.Select(r => r.GetString("Kind")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_acknowledgement_whose_insert_lost_its_answer_is_this_press_s_and_a_second_press_is_not()
    {
        var (faults, flaky, prefix) = Flaky();
        var clock = new FakeTimeProvider(Now);
        var store = new ConnectionCheckStore(flaky, clock);
        await store.SaveAsync(new ConnectionCheckRecord("check-1", "19:panel", "Panel", "Oldham", Now, "Ada", null, null), CancellationToken.None);

        faults.LoseNextAnswer(m => StorageFaults.Writes(m, RequestMethod.Post, "ConnectionChecks"));
        Assert.True(await store.TryAcknowledgeAsync("check-1", "ada", "Ada Business Manager", CancellationToken.None));
        Assert.Equal(1, faults.Fired);

        Assert.False(await new ConnectionCheckStore(azurite.CreateTables(prefix), clock).TryAcknowledgeAsync("check-1", "ada", "Ada Business Manager", CancellationToken.None));
        var (_, acks) = (await store.LoadAsync("check-1", CancellationToken.None))!.Value;
        Assert.Equal("ada", Assert.Single(acks).PersonKey);
    }

    private (StorageFaults Faults, StorageTables Flaky, string Prefix) Flaky()
    {
        var faults = new StorageFaults();
        var prefix = AzuriteFixture.NewPrefix();
        return (faults, faults.Tables(azurite.ConnectionString, prefix), prefix);
    }
}
