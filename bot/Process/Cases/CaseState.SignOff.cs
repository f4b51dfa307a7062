using System.Collections.Immutable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>Who answered for a seat at sign-off, on which report version, and what they said: the
/// thread's tally names them, and a repeated click is recognised as the same answer.</summary>
public sealed record SeatSignOff(string Seat, bool Agrees, bool ByDeputy, string Name, string ObjectId, int? Version, string? Sha256, string? Comments, DateTimeOffset At);

/// <summary>One comment on the report: who, when, on which version. The text is kept for personal views,
/// or sealed as the case's record <paramref name="Sealed"/> (then <paramref name="Text"/> is empty).</summary>
public sealed record ReportComment(int Version, string Name, string ObjectId, string Text, string Via, DateTimeOffset At, string? Sealed = null);

/// <summary>The sign-off answers on the current report version, beside the evaluator's entries.</summary>
public sealed partial record CaseState
{
    /// <summary>Each seat's latest answer on the current report version; a new version empties it.</summary>
    public ImmutableDictionary<string, SeatSignOff> SeatSignOffs { get; init; } = ImmutableDictionary<string, SeatSignOff>.Empty;

    /// <summary>The version whose arrival last voided earlier sign-offs, if one did.</summary>
    public int? SignOffsVoidedByVersion { get; init; }

    /// <summary>The sign-off reminders and escalations already given, by timer id.</summary>
    public ImmutableHashSet<string> SignOffPromptsGiven { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>When the sign-off deadline was escalated because it passed without the rule met.</summary>
    public DateTimeOffset? SignOffEscalatedAt { get; init; }

    /// <summary>The panel's comments on the report, oldest first.</summary>
    public ImmutableList<ReportComment> ReportComments { get; init; } = [];

    /// <summary>Each announced version's card in the case's thread (null when Teams gave no id).</summary>
    public ImmutableDictionary<int, string?> ReportVersionCards { get; init; } = ImmutableDictionary<int, string?>.Empty;
}
