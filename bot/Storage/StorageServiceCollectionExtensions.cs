using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCaseStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.TableServiceUri is not null,
                "Storage: set Storage:ConnectionString (e.g. UseDevelopmentStorage=true for Azurite) or Storage:TableServiceUri (Azure, with managed identity).")
            .Validate(o => o.ConnectionString is not { } text
                    || !text.Contains("TableEndpoint=", StringComparison.OrdinalIgnoreCase)
                    || text.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase),
                "Storage:ConnectionString names a TableEndpoint but no BlobEndpoint: large payloads and sealed details live in Blob Storage (scripts/lib.sh's azurite_connection_string gives both).")
            .Validate(o => o.TableServiceUri is null || o.BlobServiceUri is not null,
                "Storage: with Storage:TableServiceUri set Storage:BlobServiceUri too (large payloads and sealed details live in Blob Storage).")
            .ValidateOnStart();
        services.AddOptions<PrivacyOptions>()
            .Bind(configuration.GetSection(PrivacyOptions.SectionName))
            .Validate(o => o.KeyBytes() is not null,
                "Privacy:KeyEncryptionKey must be 32 random bytes in base64 (in Azure, a Key Vault reference that resolved): it seals the child's details.")
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || !o.IsDevelopmentKey,
                "Privacy:KeyEncryptionKey is the development key, which is public: set the partnership's own key (docs/deploy.md).")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new BlobClientOptions();
            clientOptions.Retry.MaxRetries = 2;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
            return options.TableServiceUri is not null
                ? new BlobServiceClient(options.BlobServiceUri, new DefaultAzureCredential(), clientOptions)
                : new BlobServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions();
            // Fail fast rather than hang when storage is down; the callers retry what matters.
            clientOptions.Retry.MaxRetries = 2;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            return options.TableServiceUri is { } uri
                ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddSingleton(sp => new TableNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.AddSingleton<StorageTables>();
        services.AddSingleton<PayloadBlobStore>();
        services.AddSingleton<Files.CaseFileBlobs>();
        services.AddSingleton<SealedDetailsStore>();
        services.AddSingleton<ICaseEventStore, TableCaseEventStore>();
        services.AddSingleton<CaseIndexStore>();
        services.AddSingleton<CaseCodeAllocator>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<DurableTimerStore>();
        services.AddSingleton<TimerLayoutMigration>();
        services.AddSingleton(InstanceIdentity.ThisProcess);
        services.AddSingleton<CaseFollowUpRows>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }
}
