using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.InformationRequests.Commands;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

[Collection(AzuriteGroup.Name)]
public class AgencyDirectoryTests(AzuriteFixture azurite)
{
    private static AgencyDirectoryOptions Configured() => AgencyDirectoryOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Partnership:Playbook"] = "oldham",
        ["Partnership:Agencies:0:Name"] = "Greater Manchester Police",
        ["Partnership:Agencies:0:Kind"] = "police",
        ["Partnership:Agencies:0:Leads"] = "PPIU.Oldham@gmp.police.uk; dci.smith@gmp.police.uk",
        ["Partnership:Agencies:1:Name"] = "Northern Care Alliance",
        ["Partnership:Agencies:1:Kind"] = "health",
        ["Partnership:Agencies:1:Leads:0"] = "safeguarding@nca.nhs.uk",
        ["Partnership:Agencies:1:Deputies:0"] = "deputy@nca.nhs.uk",
        ["Partnership:Agencies:1:ReplyDomains"] = "NCA.nhs.uk",
    }).Build());

    private static PartnershipDirectory People()
    {
        var options = new PartnershipOptions();
        options.People.Add(new PersonOptions { AadObjectId = "bm-object-id", Name = "Bea Manning", Role = PartnershipRole.BusinessManager, TenantId = "tenant" });
        options.People.Add(new PersonOptions { AadObjectId = "police-object-id", Name = "Pat Okafor", Role = PartnershipRole.StatutoryLead, Partner = StatutoryPartner.Police, TenantId = "tenant" });
        return new PartnershipDirectory(Options.Create(options), Options.Create(new TeamsReviewBot.Teams.Auth.BotAuthOptions()));
    }

    private static CommandRequest Typed(string arguments, string aadObjectId = "bm-object-id") =>
        new(arguments, new CommandSender("29:user", aadObjectId, "Someone", "tenant"), "19:conv", "personal");

    [Fact]
    public void Configuration_reads_agencies_with_addresses_as_lists_or_separated_strings()
    {
        var options = Configured();

        Assert.Equal("oldham", options.PartnershipKey);
        Assert.Equal(["ppiu.oldham@gmp.police.uk", "dci.smith@gmp.police.uk"], options.Seed[0].Leads);
        Assert.Equal(["safeguarding@nca.nhs.uk"], options.Seed[1].Leads);
        Assert.Equal(["deputy@nca.nhs.uk"], options.Seed[1].Deputies);
    }

    [Fact]
    public async Task The_directory_keeps_the_domains_anyone_may_answer_from_only_where_configuration_names_them()
    {
        var directory = new AgencyDirectory(azurite.CreateTables(), Configured());

        Assert.Equal(["nca.nhs.uk"], (await directory.FindAsync("Northern Care Alliance"))!.ReplyDomains);
        Assert.Empty((await directory.FindAsync("Greater Manchester Police"))!.ReplyDomains!);
    }

    [Fact]
    public void Without_Partnership_Playbook_the_partnership_is_the_one_mail_intake_serves() =>
        Assert.Equal("tameside", AgencyDirectoryOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Intake:Partnership"] = "tameside" }).Build()).PartnershipKey);

    [Fact]
    public async Task The_directory_is_seeded_once_and_a_removed_agency_stays_removed()
    {
        var tables = azurite.CreateTables();
        var directory = new AgencyDirectory(tables, Configured());

        Assert.Equal(["Greater Manchester Police", "Northern Care Alliance"], (await directory.ListAsync()).Select(a => a.Name));
        Assert.True(await directory.RemoveAsync("greater manchester police"));

        // A restart reads the same configuration again.
        var restarted = new AgencyDirectory(tables, Configured());
        Assert.Equal(["Northern Care Alliance"], (await restarted.ListAsync()).Select(a => a.Name));
    }

    [Fact]
    public async Task A_business_manager_adds_changes_lists_and_removes_agencies_in_chat()
    {
        var command = new AgenciesCommand(new AgencyDirectory(azurite.CreateTables(), Configured()));

        var added = await command.ExecuteAsync(Typed("add Hathershaw College | School | dsl@hathershaw.sch.uk, head@hathershaw.sch.uk | deputy.dsl@hathershaw.sch.uk"), default);
        Assert.StartsWith("Added **Hathershaw College** (school)", added.Text, StringComparison.Ordinal);

        var changed = await command.ExecuteAsync(Typed("add hathershaw college | school | new.dsl@hathershaw.sch.uk"), default);
        Assert.StartsWith("Updated", changed.Text, StringComparison.Ordinal);

        var listed = await command.ExecuteAsync(Typed(string.Empty), default);
        Assert.Contains("**Agencies (3)**", listed.Text, StringComparison.Ordinal);
        Assert.Contains("**hathershaw college** (school): leads new.dsl@hathershaw.sch.uk", listed.Text, StringComparison.Ordinal);
        Assert.Contains("deputies deputy@nca.nhs.uk", listed.Text, StringComparison.Ordinal);

        var removed = await command.ExecuteAsync(Typed("remove Hathershaw College"), default);
        Assert.StartsWith("Removed", removed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hathershaw", (await command.ExecuteAsync(Typed("list"), default)).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("add Hathershaw College | school | dsl@hathershaw.sch.uk", "police-object-id", false)]
    [InlineData("remove Greater Manchester Police", "police-object-id", false)]
    [InlineData("remove Greater Manchester Police", "bm-object-id", true)]
    [InlineData("list", "police-object-id", true)]
    [InlineData("", "stranger-object-id", false)]
    public void Only_a_business_manager_may_change_the_directory_and_only_listed_people_may_read_it_in_a_personal_chat(string arguments, string who, bool admitted)
    {
        var access = new AgenciesCommand(new AgencyDirectory(azurite.CreateTables(), Configured())).AccessFor(arguments);

        Assert.Equal(admitted, access.Admits(People().Identify("29:user", who, "tenant", "Someone")));
        Assert.True(access.AnswersIn("personal"));
        Assert.False(access.AnswersIn("channel"));
    }

    [Theory]
    [InlineData("add Hathershaw College | school", "To add an agency")]
    [InlineData("add Hathershaw College | school | not-an-address", "These are not email addresses: not-an-address")]
    [InlineData("add Hathershaw College | school | dsl@hathershaw.sch.uk | bad@", "These are not email addresses: bad@")]
    [InlineData("remove Nobody Here", "There is no agency called Nobody Here")]
    [InlineData("rename x", "I don't know `agencies rename`")]
    public async Task Bad_input_is_answered_with_what_is_wrong_and_changes_nothing(string arguments, string expected)
    {
        var directory = new AgencyDirectory(azurite.CreateTables(), Configured());
        var command = new AgenciesCommand(directory);

        var reply = await command.ExecuteAsync(Typed(arguments), default);

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await directory.ListAsync()).Count);
    }

    [Fact]
    public async Task A_look_up_is_reused_for_a_minute_and_a_change_made_through_the_same_instance_shows_at_once()
    {
        var tables = azurite.CreateTables();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var here = new AgencyDirectory(tables, Configured(), clock);
        var elsewhere = new AgencyDirectory(tables, Configured(), clock);
        const string name = "Hathershaw College";
        Assert.Null(await here.FindAsync(name));

        await here.SaveAsync(new AgencyContact(name, "school", ["head@hathershaw.example"], []));
        Assert.Equal(name, (await here.FindAsync(name))?.Name);

        // Removed through another instance: this one answers from its look-up until the minute is out.
        Assert.True(await elsewhere.RemoveAsync(name));
        Assert.Equal(name, (await here.FindAsync(name))?.Name);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await here.FindAsync(name));
    }
}
