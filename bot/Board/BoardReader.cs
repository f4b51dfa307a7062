using TeamsReviewBot.Process.Board;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Board;

/// <summary>A board ready to draw, with how many cases the filters left out.</summary>
public sealed record BoardView(BoardPicture Picture, BoardQuery Query, int OpenCases);

/// <summary>
/// Reads the board as it is now: the open cases from the case index, each case's state through
/// <see cref="CaseService"/>, drawn by the process core's <see cref="BoardBuilder"/>; only the cases
/// the viewer may see (<see cref="BoardAudience"/>), then the filters.
/// </summary>
public sealed class BoardReader(CaseIndexStore index, CaseService cases, BoardBuilder builder, TimeProvider time)
{
    /// <summary>Loads at most this many case streams at once, so a board of hundreds does not flood storage.</summary>
    private const int ParallelLoads = 8;

    public BoardBuilder Builder => builder;

    public static BoardViewer ViewerOf(Identity.Caller actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new BoardViewer(
            actor.Holds(PartnershipRole.BusinessManager),
            actor.Roles.Where(r => r.Partner is not null).Select(r => PartnerKey(r.Partner!.Value)).ToHashSet(StringComparer.Ordinal));
    }

    public async Task<BoardView> ReadAsync(BoardViewer viewer, BoardQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = Process.Calendar.WorkingDayCalendar.LondonDate(now);
        var entries = (await index.ListAsync(query.Partnership, cancellationToken).ConfigureAwait(false))
            .Where(e => !string.Equals(e.Stage, nameof(CaseStage.Closed), StringComparison.Ordinal))
            .ToList();
        var states = await LoadAsync(entries.Select(e => e.CaseCode), cancellationToken).ConfigureAwait(false);
        var seen = states.Where(s => BoardAudience.Sees(viewer, s)).ToList();
        var rows = new List<BoardRow>(seen.Count);
        foreach (var state in seen.Where(s => query.Stage is null || s.Stage == query.Stage))
        {
            var playbook = cases.Playbooks.Get(state.Partnership);
            var row = builder.Row(playbook, state, now);
            if (!query.NeedsMe || BoardAudience.NeedsAttention(viewer, playbook, state, row, builder.Calendar, today))
            {
                rows.Add(row);
            }
        }

        return new BoardView(builder.Picture(rows, now), query, seen.Count);
    }

    /// <summary>One case for its page, if the viewer may see it.</summary>
    public async Task<CaseState?> FindAsync(BoardViewer viewer, string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        return state is not null && BoardAudience.Sees(viewer, state) ? state : null;
    }

    private async Task<IReadOnlyList<CaseState>> LoadAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var loaded = new System.Collections.Concurrent.ConcurrentBag<CaseState>();
        await Parallel.ForEachAsync(codes, new ParallelOptions { MaxDegreeOfParallelism = ParallelLoads, CancellationToken = cancellationToken }, async (code, token) =>
        {
            if (await cases.FindAsync(code, token).ConfigureAwait(false) is { } state)
            {
                loaded.Add(state);
            }
        }).ConfigureAwait(false);
        return [.. loaded];
    }

    /// <summary>The partner as playbook seats name it.</summary>
    private static string PartnerKey(StatutoryPartner partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "local-authority",
        StatutoryPartner.Police => "police",
        StatutoryPartner.Health => "health",
        _ => partner.ToString(),
    };
}
