using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Teams.ComposeExtensions;

/// <summary>
/// composeExtension/query: the "Case reference" search in Teams and Outlook compose. Reads the typed
/// text from value.parameters, pages with value.queryOptions, and answers with a composeExtension
/// result (list layout, one Adaptive Card per case with a thumbnail preview) or, for a refusal or a
/// query it cannot read, a composeExtension message: always 200, never an error page.
/// </summary>
public sealed partial class CaseReferenceQueryHandler(CaseReferenceSearch search, PartnershipDirectory directory, ILogger<CaseReferenceQueryHandler> logger) : IInvokeHandler
{
    public const string CommandId = "caseReference";
    public const string QueryParameter = "caseCode";
    public const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>Teams' own parameter name when the manifest asks for an initial run.</summary>
    private const string InitialRunParameter = "initialRun";

    public string InvokeName => "composeExtension/query";

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.Id is not { } userId)
        {
            return Message("The search did not say who is searching.");
        }

        if (ReadQuery(activity.Value) is not { } query)
        {
            return Message($"This search is not one the Rapid Review app offers. Choose \"Case reference\" and type a case code.");
        }

        var caller = directory.Identify(userId, activity.From.AadObjectId, ActivitySender.TenantOf(activity), activity.From.Name);
        CaseSearchOutcome outcome;
        try
        {
            outcome = await search.SearchAsync(caller, query.Text, query.Skip, query.Count, activity.Conversation?.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return Message("The case list could not be read just now. Please try again in a moment.");
        }

        return outcome switch
        {
            CasesFound found => Results(found),
            CaseSearchRefused refused => Message(refused.Sentence),
            CaseSearchRejected rejected => Message(rejected.Sentence),
            _ => throw new InvalidOperationException($"Unknown search outcome {outcome.GetType().Name}."),
        };
    }

    private sealed record Query(string Text, int Skip, int Count);

    /// <summary>The typed text and paging, or null when the invoke is not this command's.</summary>
    private static Query? ReadQuery(JsonNode? value)
    {
        if (value is not JsonObject body || StringOf(body["commandId"]) is not CommandId)
        {
            return null;
        }

        var text = string.Empty;
        if (body["parameters"] is JsonArray parameters)
        {
            foreach (var parameter in parameters.OfType<JsonObject>())
            {
                if (StringOf(parameter["name"]) is QueryParameter)
                {
                    text = StringOf(parameter["value"]) ?? string.Empty;
                }
                else if (StringOf(parameter["name"]) is InitialRunParameter)
                {
                    text = string.Empty;
                }
            }
        }

        var options = body["queryOptions"] as JsonObject;
        return new Query(text, IntOf(options?["skip"]) ?? 0, IntOf(options?["count"]) ?? CaseReferenceSearch.MaxResults);
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? IntOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static ActivityResult Results(CasesFound found)
    {
        if (found.Cases.Count == 0)
        {
            return Message("No case you can see matches that. Type a case code, part of one, or a partnership's name.");
        }

        var attachments = new JsonArray();
        foreach (var reference in found.Cases)
        {
            attachments.Add(new JsonObject
            {
                ["contentType"] = AdaptiveCard.ContentType,
                ["content"] = CaseReferenceCard.Build(reference),
                ["preview"] = Preview(reference),
            });
        }

        return new ActivityResult(200, new JsonObject
        {
            ["composeExtension"] = new JsonObject
            {
                ["type"] = "result",
                ["attachmentLayout"] = "list",
                ["attachments"] = attachments,
            },
        });
    }

    /// <summary>The entry in the search list: a thumbnail card, as Teams and Outlook list results.</summary>
    private static JsonObject Preview(CaseReference reference) => new()
    {
        ["contentType"] = ThumbnailContentType,
        ["content"] = new JsonObject
        {
            ["title"] = reference.CaseCode,
            ["subtitle"] = reference.Partnership,
            ["text"] = $"{Capitalised(reference.Stage)}; next: {CaseReferenceCard.NextDeadline(reference)}",
        },
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static ActivityResult Message(string text) => new(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    });

    [LoggerMessage(Level = LogLevel.Error, Message = "The case reference search failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
