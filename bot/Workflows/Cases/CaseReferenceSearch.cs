using TeamsReviewBot.Board;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Board;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>One case as a reference card shows it: what the case index holds, never a child's details.</summary>
public sealed record CaseReference(string CaseCode, string Partnership, string Stage, string? NextDeadlineName, DateTimeOffset? NextDeadline, bool Overdue);

/// <summary>What a search for case references came to.</summary>
public abstract record CaseSearchOutcome;

public sealed record CasesFound(IReadOnlyList<CaseReference> Cases, int Matched) : CaseSearchOutcome;

public sealed record CaseSearchRefused(string Sentence) : CaseSearchOutcome;

public sealed record CaseSearchRejected(string Sentence) : CaseSearchOutcome;

/// <summary>
/// Finds the cases a person may refer to in an email or a chat, by case code or part of one, or by
/// partnership: only the cases the board shows them (<see cref="BoardAudience"/>: a business manager
/// every open case, a panel member the cases put to the panel). Someone the partnership does not
/// list is refused and the refusal audited. Reads the case index only, so it answers within the
/// few seconds a compose search allows and carries nothing the index does not hold.
/// </summary>
public sealed class CaseReferenceSearch(CaseIndexStore index, PlaybookCatalogue playbooks, RefusalAudit audit, TimeProvider time)
{
    public const int MaxQueryLength = 40;
    public const int MaxResults = 25;

    public static string Refusal => "Only the partnership's panel members and business managers can refer to its cases.";

    public async Task<CaseSearchOutcome> SearchAsync(Caller caller, string? query, int skip, int count, string? conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Roles.Count == 0)
        {
            await audit.RecordAsync("compose:caseReference", caller, conversationId, null, $"{caller.Describe()} holds no role in the partnership", cancellationToken).ConfigureAwait(false);
            return new CaseSearchRefused(Refusal);
        }

        var typed = (query ?? string.Empty).Trim();
        if (typed.Length > MaxQueryLength || typed.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not ' '))
        {
            return new CaseSearchRejected($"Type a case code such as RR-OLD-2026-0001, part of one, or a partnership's name (letters, digits and dashes, at most {MaxQueryLength}).");
        }

        var viewer = BoardReader.ViewerOf(caller);
        var now = time.GetUtcNow();
        var matched = (await index.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .Where(e => Enum.TryParse<CaseStage>(e.Stage, out var stage) && BoardAudience.Sees(viewer, stage))
            .Where(e => Matches(e, typed))
            .OrderBy(e => e.NextDeadline ?? DateTimeOffset.MaxValue)
            .ThenBy(e => e.CaseCode, StringComparer.Ordinal)
            .ToList();
        var page = matched
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(count, 1, MaxResults))
            .Select(e => Reference(e, now))
            .ToList();
        return new CasesFound(page, matched.Count);
    }

    /// <summary>The code contains what was typed (spaces and case ignored), or the partnership's key or
    /// name starts with it. Nothing typed matches every case the person may see.</summary>
    private bool Matches(CaseIndexEntry entry, string typed)
    {
        if (typed.Length == 0)
        {
            return true;
        }

        var compact = typed.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (entry.CaseCode.Contains(compact, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var name = playbooks.Find(entry.Partnership)?.Name ?? entry.Partnership;
        return entry.Partnership.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || name.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
    }

    private CaseReference Reference(CaseIndexEntry entry, DateTimeOffset now) => new(
        entry.CaseCode,
        playbooks.Find(entry.Partnership)?.Name ?? entry.Partnership,
        Enum.TryParse<CaseStage>(entry.Stage, out var stage) ? CaseStageNames.Describe(stage) : entry.Stage,
        entry.NextDeadlineName,
        entry.NextDeadline,
        entry.NextDeadline < now);
}
