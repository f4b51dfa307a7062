using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>What intake needs to know about a case stream to stay idempotent.</summary>
public sealed record IntakeCaseState(string StreamId, bool Opened, bool Acknowledged, IReadOnlySet<string> PanelEmails);

/// <summary>The intake events of a case stream, and how they fold.</summary>
public sealed class IntakeCaseFold : IStreamFold<IntakeCaseState>
{
    public const string ReferralReceived = "ReferralReceived";
    public const string ReferrerAcknowledged = "ReferrerAcknowledged";
    public const string NationalPanelResponseExpected = "NationalPanelResponseExpected";

    public IntakeCaseState Initial(string streamId) => new(streamId, false, false, new HashSet<string>(StringComparer.Ordinal));

    public IntakeCaseState Apply(IntakeCaseState state, StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Type switch
        {
            ReferralReceived => state with { Opened = true },
            ReferrerAcknowledged => state with { Acknowledged = true },
            NationalPanelResponseExpected => state with
            {
                PanelEmails = new HashSet<string>(state.PanelEmails.Append(PanelEmailId(stored.Data)), StringComparer.Ordinal),
            },
            _ => state,
        };
    }

    private static string PanelEmailId(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.TryGetProperty("internetMessageId", out var id) ? id.GetString() ?? string.Empty : string.Empty;
}
