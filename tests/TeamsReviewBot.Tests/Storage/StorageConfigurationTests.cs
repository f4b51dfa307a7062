using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>Storage settings that would lose a large referral stop start-up with a sentence instead.</summary>
public sealed class StorageConfigurationTests
{
    [Theory]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;", null, null, "no BlobEndpoint")]
    [InlineData(null, "https://example.table.core.windows.net/", null, "Storage:BlobServiceUri")]
    public void Storage_without_a_blob_service_stops_start_up(string? connectionString, string? tableUri, string? blobUri, string reason)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TableServiceUri"] = tableUri,
            ["Storage:BlobServiceUri"] = blobUri,
            ["Privacy:KeyEncryptionKey"] = PrivacyOptions.DevelopmentKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddCaseStorage(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
