using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>The agencies asked for information on a case and what each did: those that returned
/// information took part; those that said they hold no records, or never answered, have nothing to be told.</summary>
public interface IAgenciesThatTookPart
{
    Task<AgencyParts> ForCaseAsync(string caseCode, CancellationToken cancellationToken);

    /// <summary>The ids of the files the case's requests stored: agencies' returns and the collated chronology.</summary>
    Task<IReadOnlyList<string>> StoredFilesAsync(string caseCode, CancellationToken cancellationToken);
}

public sealed record AgencyParts(IReadOnlyList<LetterRecipient> TookPart, IReadOnlyList<LetterWithheld> Left);
