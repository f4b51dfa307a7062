using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The shared card this instance last put in each case's thread, as a hash: an edit that would show
/// the same card again (a step that recorded something the card does not show, a second look at
/// the same case) is skipped, so the thread's Teams allowance goes on changes people can see. Kept
/// in memory and bounded: forgotten, a card is simply edited once more.
/// </summary>
public sealed class PanelCardEdits
{
    private const int MostCases = 2000;
    private readonly ConcurrentDictionary<string, byte[]> _shown = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="card"/> differs from the card last shown for the case; the hash to record once shown.</summary>
    public bool Differs(string caseCode, JsonObject card, out byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(card);
        hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(card.ToJsonString()));
        return !_shown.TryGetValue(caseCode, out var last) || !last.AsSpan().SequenceEqual(hash);
    }

    public void Shown(string caseCode, byte[] hash)
    {
        if (_shown.Count >= MostCases)
        {
            _shown.Clear();
        }

        _shown[caseCode] = hash;
    }
}
