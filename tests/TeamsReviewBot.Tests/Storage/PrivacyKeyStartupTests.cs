using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>The key that seals the child's details: without a real one the service does not start.</summary>
public sealed class PrivacyKeyStartupTests
{
    private const string UnresolvedKeyVaultReference = "@Microsoft.KeyVault(SecretUri=https://kv-trb-example.vault.azure.net/secrets/privacy-key-encryption-key)";

    [Theory]
    [InlineData(null, "kek-1", "must be 32 random bytes")]
    [InlineData(UnresolvedKeyVaultReference, "kek-1", "must be 32 random bytes")]
    [InlineData("c2hvcnQ=", "kek-1", "must be 32 random bytes")]
    [InlineData(PrivacyOptions.DevelopmentKey, "kek-1", "is the development key")]
    [InlineData(null, PrivacyOptions.DevelopmentKeyId, "must be 32 random bytes")]
    public void In_production_a_missing_unresolved_short_or_public_key_stops_start_up(string? key, string keyId, string reason)
    {
        using var services = Services(Environments.Production, key, keyId);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_development_key_is_accepted_only_in_development()
    {
        using var production = Services(Environments.Production, PrivacyOptions.DevelopmentKey, PrivacyOptions.DevelopmentKeyId);
        using var development = Services(Environments.Development, PrivacyOptions.DevelopmentKey, PrivacyOptions.DevelopmentKeyId);

        Assert.Throws<OptionsValidationException>(() => production.GetRequiredService<IOptions<PrivacyOptions>>().Value);
        Assert.NotNull(development.GetRequiredService<IOptions<PrivacyOptions>>().Value.KeyBytes());
    }

    [Fact]
    public void A_partnerships_own_key_starts_in_production()
    {
        using var services = Services(Environments.Production, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "kek-1");

        Assert.Equal(32, services.GetRequiredService<IOptions<PrivacyOptions>>().Value.KeyBytes()!.Length);
    }

    private static ServiceProvider Services(string environment, string? key, string keyId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Privacy:KeyEncryptionKey"] = key,
            ["Privacy:KeyId"] = keyId,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddCaseStorage(configuration);
        return services.BuildServiceProvider();
    }
}
