using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>
/// Someone with a copy of the storage account's tables learns nothing of the child; a panel member
/// who asks still sees the child's details, for cases recorded before the details were sealed too.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SealedChildDetailsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_copy_of_every_table_holds_no_childs_details_in_clear_yet_a_panel_member_who_asks_sees_them()
    {
        var code = await _bot.ReferAsync(Bea);

        var dump = await DumpEveryTableAsync();
        Assert.Contains(code, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, dump, StringComparison.Ordinal);
        Assert.DoesNotContain("Example Street", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-14", dump, StringComparison.Ordinal);

        var shown = PanelBot.Words(await _bot.PressAsync(Lola, code, "view-referral"));
        Assert.Contains(PanelBot.ChildName, shown, StringComparison.Ordinal);
        Assert.Contains(PanelBot.ChildAddress, shown, StringComparison.Ordinal);
        Assert.Contains("14 March 2026", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_a_cases_sealed_details_are_erased_a_panel_member_sees_they_are_no_longer_on_record()
    {
        var code = await _bot.ReferAsync(Bea);

        await _bot.Services.GetRequiredService<ReferralVault>().EraseAsync(code, CancellationToken.None);

        var shown = PanelBot.Words(await _bot.PressAsync(Lola, code, "view-referral"));
        Assert.DoesNotContain(PanelBot.ChildName, shown, StringComparison.Ordinal);
        Assert.Contains("not on record", shown, StringComparison.Ordinal);
    }

    /// <summary>Exactly what the refer form wrote before the details were sealed apart.</summary>
    private const string ReferralRecordedInClear =
        """{"summary":{"incidentCategory":"Non-accidental injury","ageBand":"Under 1","incidentDate":"2026-11-21","referringOrganisation":"Hollybank Primary School","referrerEmail":"referrer@school.example"},"child":{"name":"Amelia Testchild","dateOfBirth":"2026-03-14","address":"12 Example Street, Oldham OL1 1AA"},"actor":{"objectId":"30000000-0000-0000-0000-000000000001","name":"Bea Manning","role":"business-manager","partner":null},"reason":"Referral details recorded from the refer form."}""";

    /// <summary>Exactly what mail intake wrote before the details were sealed apart (fields abridged to those the panel reads).</summary>
    private const string ReferralReceivedInClear =
        """{"internetMessageId":"<old@school.example>","intake":{"mailbox":"partnership-mailbox@example.gov.uk","internetMessageId":"<old@school.example>","messageId":"m-old","webLink":null,"receivedAt":"2026-11-23T09:00:00+00:00","referrerAddress":"referrer@school.example","details":{"source":"Greater Manchester Serious Child Safeguarding Case Notification Form (DOCX)","fields":[{"key":"natureOfIncident","section":"Referrer Details","label":"Nature of Incident","value":"Serious harm","reading":0,"note":null},{"key":"incidentDate","section":"Referrer Details","label":"Date of Incident","value":"2026-11-21","reading":0,"note":null},{"key":"childName","section":"Child and Incident","label":"Child's Name","value":"Amelia Testchild","reading":0,"note":null},{"key":"childDateOfBirth","section":"Child and Incident","label":"Child's DOB","value":"14/03/2026","reading":0,"note":null},{"key":"childHomeAddress","section":"Child and Incident","label":"Home address","value":"12 Example Street, Oldham OL1 1AA","reading":0,"note":null}],"caseFactors":[]},"refusedAttachments":[]}}""";

    [Theory]
    [InlineData(PanelEventTypes.ReferralRecorded, ReferralRecordedInClear)]
    [InlineData("ReferralReceived", ReferralReceivedInClear)]
    public async Task A_case_recorded_before_the_details_were_sealed_still_shows_them_to_a_panel_member_who_asks(string type, string data)
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var received = PanelBot.Monday10am.AddHours(-1);
        var code = await cases.ReserveCodeAsync("oldham", received, CancellationToken.None);
        var now = _bot.Clock.GetUtcNow();
        var opened = cases.RulesForCase(code).Open(code, "referral", received, Actor.System, "Referral received.", now);
        await _bot.Services.GetRequiredService<ICaseEventStore>().AppendAsync(code, 0, [.. opened, new NewEvent(type, data, now)]);

        var shown = PanelBot.Words(await _bot.PressAsync(Lola, code, "view-referral"));

        Assert.Contains(PanelBot.ChildName, shown, StringComparison.Ordinal);
        Assert.Contains(PanelBot.ChildAddress, shown, StringComparison.Ordinal);
        Assert.Contains("14 March 2026", shown, StringComparison.Ordinal);
    }

    private async Task<string> DumpEveryTableAsync()
    {
        var tables = _bot.Services.GetRequiredService<StorageTables>();
        var rows = new List<string>();
        foreach (var name in tables.Names.All)
        {
            var table = await tables.GetAsync(name);
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                rows.Add(name + ": " + string.Join(";", row.Select(p => $"{p.Key}={p.Value}")));
            }
        }

        return string.Join("\n", rows);
    }
}
