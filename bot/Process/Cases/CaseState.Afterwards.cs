using System.Collections.Immutable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>What the afterwards steps have done: letters planned and sent, lesson logs asked and back.</summary>
public sealed partial record CaseState
{
    /// <summary>The outcome letters owed, once planned; null before.</summary>
    public ImmutableList<LetterRecipient>? OutcomeLetters { get; init; }

    /// <summary>Outcome letters sent, by recipient key.</summary>
    public ImmutableDictionary<string, DateTimeOffset> OutcomeLettersSent { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    public DateTimeOffset? LessonLogsRequestedAt { get; init; }

    /// <summary>The agencies asked for a lesson log, with their addresses.</summary>
    public ImmutableList<LetterRecipient> LessonLogAgencies { get; init; } = [];

    /// <summary>Lesson logs back, by agency name.</summary>
    public ImmutableDictionary<string, DateTimeOffset> LessonLogsReturned { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset? DetailsErasedAt { get; init; }

    /// <summary>Outcome letters planned and not yet sent.</summary>
    public IEnumerable<LetterRecipient> LettersOutstanding => (OutcomeLetters ?? []).Where(r => !OutcomeLettersSent.ContainsKey(r.Key));

    /// <summary>Agencies asked for a lesson log that has not come back.</summary>
    public IEnumerable<LetterRecipient> LessonLogsOutstanding => LessonLogAgencies.Where(a => !LessonLogsReturned.ContainsKey(a.Name));
}
