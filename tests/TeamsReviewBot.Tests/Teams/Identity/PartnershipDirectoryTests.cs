using Microsoft.Extensions.Options;
using TeamsReviewBot.Teams.Identity;

namespace TeamsReviewBot.Tests.Teams.Identity;

public sealed class PartnershipDirectoryTests
{
    private const string Tenant = "11111111-1111-1111-1111-111111111111";

    private static PartnershipDirectory Directory(params PersonOptions[] people)
    {
        var options = new PartnershipOptions();
        foreach (var person in people)
        {
            options.People.Add(person);
        }

        return new PartnershipDirectory(Options.Create(options));
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
}
