using Microsoft.Extensions.Options;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Auth;

namespace TeamsReviewBot.Tests.Identity;

public sealed class PartnershipDirectoryTests
{
    private const string Tenant = "11111111-1111-1111-1111-111111111111";

    private static PartnershipDirectory Directory(params PersonOptions[] people) => Directory(null, people);

    private static PartnershipDirectory Directory(string? botTenant, params PersonOptions[] people)
    {
        var options = new PartnershipOptions();
        foreach (var person in people)
        {
            options.People.Add(person);
        }

        return new PartnershipDirectory(Options.Create(options), Options.Create(new BotAuthOptions { TenantId = botTenant }));
    }

    [Fact]
    public void A_configured_person_is_known_with_their_role_and_partner()
    {
        var directory = Directory(new PersonOptions { AadObjectId = "a1", Name = "Pat Police", Role = PartnershipRole.StatutoryLead, Partner = StatutoryPartner.Police, TenantId = Tenant });

        var actor = directory.Identify("29:pat", "a1", Tenant, "Pat P.");

        Assert.Equal("Pat P.", actor.DisplayName);
        Assert.Equal([new RoleAssignment(PartnershipRole.StatutoryLead, StatutoryPartner.Police)], actor.Roles);
        Assert.Equal("Pat P. (statutory partner lead, police)", actor.Describe());
    }

    [Fact]
    public void The_same_object_id_in_another_tenant_is_someone_else()
    {
        var directory = Directory(new PersonOptions { AadObjectId = "a1", Role = PartnershipRole.BusinessManager, TenantId = Tenant });

        var actor = directory.Identify("29:x", "a1", "99999999-9999-9999-9999-999999999999", "X");

        Assert.Empty(actor.Roles);
    }

    [Fact]
    public void A_person_with_two_entries_holds_both_roles()
    {
        var directory = Directory(
            new PersonOptions { AadObjectId = "a1", Role = PartnershipRole.BusinessManager },
            new PersonOptions { AadObjectId = "a1", Role = PartnershipRole.Chair });

        var actor = directory.Identify("29:x", "a1", Tenant, null);

        Assert.True(actor.Holds(PartnershipRole.BusinessManager));
        Assert.True(actor.Holds(PartnershipRole.Chair));
        Assert.False(actor.Holds(PartnershipRole.Scrutineer));
    }

    [Fact]
    public void A_lead_without_a_partner_is_a_configuration_error_in_a_sentence()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Directory(new PersonOptions { AadObjectId = "a1", Name = "Lee", Role = PartnershipRole.Deputy }));

        Assert.Equal("Partnership:People: Lee is a deputy partner lead but has no Partner (LocalAuthority, Police or Health).", failure.Message);
    }

    [Fact]
    public void A_business_managers_object_id_in_an_activity_that_names_no_tenant_carries_no_role()
    {
        var directory = Directory(new PersonOptions { AadObjectId = "a1", Role = PartnershipRole.BusinessManager, TenantId = Tenant });

        var actor = directory.Identify("29:x", "a1", null, "Bea");

        Assert.Empty(actor.Roles);
    }

    [Fact]
    public void A_person_configured_without_a_tenant_is_someone_only_in_the_bots_own_tenant()
    {
        var directory = Directory(Tenant, new PersonOptions { AadObjectId = "a1", Role = PartnershipRole.BusinessManager });

        Assert.True(directory.Identify("29:x", "a1", Tenant, null).Holds(PartnershipRole.BusinessManager));
        Assert.Empty(directory.Identify("29:x", "a1", "99999999-9999-9999-9999-999999999999", null).Roles);
    }

    [Fact]
    public void The_senders_own_tenant_counts_not_the_tenant_of_the_conversation_they_write_in()
    {
        var guestInPartnerChannel = new Activity
        {
            From = new ChannelAccount { Id = "29:x", AadObjectId = "a1", TenantId = "22222222-2222-2222-2222-222222222222" },
            Conversation = new ConversationAccount { Id = "19:c", TenantId = Tenant },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = Tenant } },
        };
        var directory = Directory(new PersonOptions { AadObjectId = "a1", Role = PartnershipRole.BusinessManager, TenantId = Tenant });

        var actor = directory.Identify("29:x", "a1", ActivitySender.TenantOf(guestInPartnerChannel), null);

        Assert.Empty(actor.Roles);
    }
}
