using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>
/// The time of day the morning digest goes out: the playbook's digest time for the partnership this
/// deployment runs (Partnership:Playbook, else ThresholdDecision:DefaultPartnership, else
/// Intake:Partnership, else the only playbook there is), or <see cref="DigestRule.DefaultTime"/>.
/// </summary>
public sealed class DigestTime(IConfiguration configuration, PlaybookCatalogue playbooks)
{
    public TimeOnly At => Playbook?.DigestTime ?? DigestRule.DefaultTime;

    public Playbook? Playbook =>
        new[] { configuration["Partnership:Playbook"], configuration["ThresholdDecision:DefaultPartnership"], configuration["Intake:Partnership"] }
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => playbooks.Find(k!))
            .FirstOrDefault(p => p is not null)
        ?? (playbooks.Keys.Count == 1 ? playbooks.All.Single() : null);
}
