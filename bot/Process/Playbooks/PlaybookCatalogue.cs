namespace TeamsReviewBot.Process.Playbooks;

/// <summary>The playbooks loaded at start-up, by key (oldham, tameside, …).</summary>
public sealed class PlaybookCatalogue(IEnumerable<Playbook> playbooks)
{
    private readonly Dictionary<string, Playbook> _byKey = playbooks.ToDictionary(p => p.Key, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Keys => [.. _byKey.Keys.Order(StringComparer.Ordinal)];

    public IEnumerable<Playbook> All => _byKey.Values.OrderBy(p => p.Key, StringComparer.Ordinal);

    public Playbook? Find(string key) => _byKey.GetValueOrDefault(key.Trim());

    public Playbook Get(string key) => Find(key) ?? throw new KeyNotFoundException($"There is no playbook '{key}'.");

    /// <summary>The playbook whose case codes start with the prefix of <paramref name="caseCode"/>, e.g. RR-OLD-2026-0007.</summary>
    public Playbook? ForCaseCode(string caseCode) =>
        _byKey.Values.FirstOrDefault(p => caseCode.StartsWith(p.CaseCode.Prefix + "-", StringComparison.OrdinalIgnoreCase));
}
