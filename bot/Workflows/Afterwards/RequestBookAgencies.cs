using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>Reads who took part from the case's information requests.</summary>
public sealed class RequestBookAgencies(CaseService cases) : IAgenciesThatTookPart
{
    public async Task<AgencyParts> ForCaseAsync(string caseCode, CancellationToken cancellationToken)
    {
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        return AgencyParts.From(book);
    }

    public async Task<IReadOnlyList<string>> StoredFilesAsync(string caseCode, CancellationToken cancellationToken)
    {
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        var returns = book.Requests.Values.SelectMany(r => r.Replies).SelectMany(r => r.Attachments).Select(a => a.StoredAs);
        return [.. returns.Append(book.Collated?.StoredAs).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
