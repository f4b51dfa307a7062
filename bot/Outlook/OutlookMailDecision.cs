using System.Text.Json;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Outlook;

/// <summary>What a person decided for one email from Outlook.</summary>
public enum OutlookMailAction
{
    OpenCase,
    Link,
    RecordReturn,
    NotPart,
}

/// <summary>
/// A person's decision about one email, as first made: the action, the case and agency it names,
/// who and when. The case code of an opened case is reserved before the decision is stored, so a
/// repeat (or a retry after a crash) opens that same case.
/// </summary>
public sealed record OutlookMailDecision(OutlookMailAction Action, string? CaseCode, string? Agency, string ByObjectId, string ByName, DateTimeOffset At)
{
    /// <summary>True when <paramref name="other"/> asks for what this decision already did.</summary>
    public bool Repeats(OutlookMailAction action, string? caseCode, string? agency) =>
        Action == action
        && (action == OutlookMailAction.OpenCase || string.Equals(CaseCode, caseCode, StringComparison.OrdinalIgnoreCase))
        && string.Equals(Agency, agency, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Action switch
    {
        OutlookMailAction.OpenCase => $"case {CaseCode} was opened from it",
        OutlookMailAction.Link => $"it was linked to case {CaseCode}",
        OutlookMailAction.RecordReturn => $"it was recorded as {Agency}'s return for case {CaseCode}",
        _ => "it was marked as not part of any case",
    };
}

/// <summary>
/// One decision per email (mailbox and internetMessageId), kept in the idempotency table: the first
/// claim wins and every later one reads it back, across restarts and instances.
/// </summary>
public sealed class OutlookMailDecisions(IdempotencyStore store)
{
    private const string Scope = "outlook-mail";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<OutlookMailDecision?> FindAsync(string mailbox, string internetMessageId, CancellationToken cancellationToken) =>
        await store.ValueAsync(Scope, Key(mailbox, internetMessageId), cancellationToken).ConfigureAwait(false) is { Length: > 0 } value
            ? JsonSerializer.Deserialize<OutlookMailDecision>(value, Json)
            : null;

    /// <summary>Stores <paramref name="decision"/> unless one is stored already; returns the one that stands.</summary>
    public async Task<OutlookMailDecision> ClaimAsync(string mailbox, string internetMessageId, OutlookMailDecision decision, CancellationToken cancellationToken)
    {
        var stored = await store.ClaimWithValueAsync(Scope, Key(mailbox, internetMessageId), JsonSerializer.Serialize(decision, Json), cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<OutlookMailDecision>(stored, Json)!;
    }

    private static string Key(string mailbox, string internetMessageId) => mailbox.ToLowerInvariant() + "|" + internetMessageId;
}
