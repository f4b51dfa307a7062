using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Bench;

/// <summary>The floor a click is compared with: an ASP.NET Core endpoint on Kestrel that does one
/// Table AddEntityAsync per request on the same Azurite, and nothing else; and beside it one
/// transaction of two rows in one partition, the shape of a vote's append (the vote and its answers).</summary>
public sealed class BareWriteEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareWriteEndpoint(WebApplication app, CountingPolicy storage)
    {
        _app = app;
        Storage = storage;
    }

    public CountingPolicy Storage { get; }

    public Uri Address => new(_app.Urls.First() + "/write");

    public Uri BatchAddress => new(_app.Urls.First() + "/batch");

    public static async Task<BareWriteEndpoint> StartAsync(string connection)
    {
        var storage = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(storage, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(connection, options).GetTableClient("benchbare" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/write", async (CancellationToken cancellationToken) =>
        {
            await table.AddEntityAsync(new TableEntity("p", Guid.NewGuid().ToString("N")) { ["Data"] = "{}" }, cancellationToken);
            return Results.Ok();
        });
        app.MapPost("/batch", async (CancellationToken cancellationToken) =>
        {
            var partition = Guid.NewGuid().ToString("N");
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, "1") { ["Data"] = "{}" }),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, "2") { ["Data"] = "{}" }),
                ],
                cancellationToken);
            return Results.Ok();
        });
        await app.StartAsync();
        return new BareWriteEndpoint(app, storage);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
