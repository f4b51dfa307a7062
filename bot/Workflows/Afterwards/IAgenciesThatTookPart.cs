using TeamsReviewBot.Process.Afterwards;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>The agencies asked for information on a case and what each did (<see cref="AgencyParts.From"/> says who took part).</summary>
public interface IAgenciesThatTookPart
{
    Task<AgencyParts> ForCaseAsync(string caseCode, CancellationToken cancellationToken);

    /// <summary>The ids of the files the case's requests stored: agencies' returns and the collated chronology.</summary>
    Task<IReadOnlyList<string>> StoredFilesAsync(string caseCode, CancellationToken cancellationToken);
}
