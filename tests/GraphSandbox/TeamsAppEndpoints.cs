using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GraphSandbox;

/// <summary>
/// A user's personal-scope app installations: install (POST with teamsApp@odata.bind; 201 with no
/// body, 409 when already installed), list (with $filter=teamsApp/id eq '…' and $expand=teamsApp),
/// and the chat between the user and the app. A user the tenant will not install apps for gets 403.
/// </summary>
internal static partial class TeamsAppEndpoints
{
    public static void MapTeamsAppEndpoints(this WebApplication app)
    {
        app.MapPost("/v1.0/users/{user}/teamwork/installedApps", async (string user, HttpRequest request, SandboxState state) =>
        {
            if (state.TeamsApps.RefusalFor(user) is { } refusal)
            {
                return GraphErrors.Problem(403, "Forbidden", refusal);
            }

            var body = await JsonNode.ParseAsync(request.Body);
            var bind = body?["teamsApp@odata.bind"]?.GetValue<string>();
            var match = bind is null ? null : CatalogApp().Match(bind);
            if (match is not { Success: true })
            {
                return GraphErrors.Problem(400, "BadRequest", "teamsApp@odata.bind must name an app in the catalog: …/appCatalogs/teamsApps/{id}.");
            }

            return state.TeamsApps.Install(user, match.Groups["id"].Value, state.Time.GetUtcNow()) is null
                ? GraphErrors.Problem(409, "Conflict", "App is already installed for the user.")
                : Results.StatusCode(201);
        });
        app.MapGet("/v1.0/users/{user}/teamwork/installedApps", (string user, HttpRequest request, SandboxState state) =>
        {
            if (state.TeamsApps.RefusalFor(user) is { } refusal)
            {
                return GraphErrors.Problem(403, "Forbidden", refusal);
            }

            var filter = request.Query["$filter"].ToString();
            string? appId = null;
            if (filter.Length > 0)
            {
                var byApp = AppFilter().Match(filter);
                if (!byApp.Success)
                {
                    return GraphErrors.Problem(400, "BadRequest", $"The sandbox filters installedApps on teamsApp/id only, not: {filter}");
                }

                appId = byApp.Groups["id"].Value;
            }

            var expand = request.Query["$expand"].ToString().Contains("teamsApp", StringComparison.Ordinal);
            var items = state.TeamsApps.Of(user)
                .Where(i => appId is null || string.Equals(i.TeamsAppId, appId, StringComparison.OrdinalIgnoreCase))
                .Select(i => (JsonNode?)Installation(i, expand))
                .ToArray();
            return Results.Json(new JsonObject
            {
                ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{user}')/teamwork/installedApps",
                ["value"] = new JsonArray(items),
            });
        });
        app.MapGet("/v1.0/users/{user}/teamwork/installedApps/{id}/chat", (string user, string id, SandboxState state) =>
        {
            if (state.TeamsApps.RefusalFor(user) is { } refusal)
            {
                return GraphErrors.Problem(403, "Forbidden", refusal);
            }

            return state.TeamsApps.Find(user, id) is not { } found
                ? GraphErrors.NotFound($"installation {id} of user {user}")
                : Results.Json(new JsonObject
                {
                    ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{user}')/teamwork/installedApps('{id}')/chat/$entity",
                    ["id"] = found.ChatId,
                    ["topic"] = null,
                    ["createdDateTime"] = found.At.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                    ["lastUpdatedDateTime"] = found.At.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                    ["chatType"] = "oneOnOne",
                });
        });
        app.MapPost("/sandbox/users/{user}/app-installation-refused", (string user, SandboxState state) =>
        {
            state.TeamsApps.Refuse(user, "Installing this app for this user is not permitted in this tenant.");
            return Results.NoContent();
        });
        app.MapGet("/sandbox/users/{user}/installedApps", (string user, SandboxState state) =>
            Results.Json(state.TeamsApps.Of(user).Select(i => new { i.Id, i.TeamsAppId, i.ChatId })));
    }

    private static JsonObject Installation(SandboxAppInstallation installation, bool expand)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.userScopeTeamsAppInstallation",
            ["id"] = installation.Id,
        };
        if (expand)
        {
            json["teamsApp"] = new JsonObject
            {
                ["id"] = installation.TeamsAppId,
                ["externalId"] = null,
                ["displayName"] = "TeamsReviewBot",
                ["distributionMethod"] = "organization",
            };
        }

        return json;
    }

    [GeneratedRegex(@"/appCatalogs/teamsApps/(?<id>[^/?#]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CatalogApp();

    [GeneratedRegex(@"^teamsApp/id eq '(?<id>[^']+)'$")]
    private static partial Regex AppFilter();
}
