using Azure.Identity;
using TeamsReviewBot.GraphIntegration.Client;

namespace TeamsReviewBot.Tests.Graph;

public sealed class GraphClientBuilderTests
{
    [Fact]
    public void An_app_registration_with_a_secret_signs_in_with_the_secret()
    {
        var credential = GraphClientBuilder.Credential(new GraphConnection { TenantId = "t", ClientId = "c", ClientSecret = "s" });

        Assert.IsType<ClientSecretCredential>(credential);
    }

    [Fact]
    public void A_client_id_alone_is_a_user_assigned_managed_identity()
    {
        Assert.IsType<ManagedIdentityCredential>(GraphClientBuilder.Credential(new GraphConnection { ClientId = "c" }));
    }

    [Fact]
    public void Nothing_configured_falls_back_to_the_default_credential_as_on_App_Service()
    {
        Assert.IsType<DefaultAzureCredential>(GraphClientBuilder.Credential(new GraphConnection()));
    }
}
