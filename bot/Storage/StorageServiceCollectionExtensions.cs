using Azure.Data.Tables;
using Azure.Identity;
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
            .ValidateOnStart();

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
        services.AddSingleton<ICaseEventStore, TableCaseEventStore>();
        services.AddSingleton<CaseIndexStore>();
        services.AddSingleton<CaseCodeAllocator>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<DurableTimerStore>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }
}
