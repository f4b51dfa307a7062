using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Board;

/// <summary>The board's filters as the page's form sends them: ?partnership=oldham&amp;stage=AwaitingDecision&amp;needs=me.</summary>
public sealed record BoardQuery(string? Partnership, CaseStage? Stage, bool NeedsMe)
{
    public static BoardQuery All { get; } = new(null, null, false);

    /// <summary>Reads the filters; an unknown partnership or stage is a sentence, not an empty board.</summary>
    public static (BoardQuery? Query, string? Problem) Read(IQueryCollection query, PlaybookCatalogue playbooks)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(playbooks);
        string? partnership = null;
        if (query["partnership"].ToString().Trim() is { Length: > 0 } named)
        {
            var playbook = playbooks.Find(named.ToLowerInvariant());
            if (playbook is null)
            {
                return (null, $"There is no partnership '{Shorten(named)}'. The partnerships are: {string.Join(", ", playbooks.Keys)}.");
            }

            partnership = playbook.Key;
        }

        CaseStage? stage = null;
        if (query["stage"].ToString().Trim() is { Length: > 0 } stageName)
        {
            if (!Enum.TryParse<CaseStage>(stageName, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(stageName, out _))
            {
                return (null, $"There is no stage '{Shorten(stageName)}'.");
            }

            stage = parsed;
        }

        var needsMe = string.Equals(query["needs"].ToString(), "me", StringComparison.OrdinalIgnoreCase);
        return (new BoardQuery(partnership, stage, needsMe), null);
    }

    /// <summary>The query string that gives these filters back, with <paramref name="extra"/> (the development user) kept.</summary>
    public string ToQueryString(IReadOnlyDictionary<string, string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var parts = new List<KeyValuePair<string, string?>>();
        if (Partnership is not null)
        {
            parts.Add(new("partnership", Partnership));
        }

        if (Stage is not null)
        {
            parts.Add(new("stage", Stage.ToString()));
        }

        if (NeedsMe)
        {
            parts.Add(new("needs", "me"));
        }

        parts.AddRange(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)));
        return QueryString.Create(parts).ToString();
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
