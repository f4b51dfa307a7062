using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>Reads who took part from the case's information requests: an agency that returned
/// information took part (its leads are written to); one with no records, or no reply, did not.</summary>
public sealed class RequestBookAgencies(CaseService cases) : IAgenciesThatTookPart
{
    public async Task<AgencyParts> ForCaseAsync(string caseCode, CancellationToken cancellationToken)
    {
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        var tookPart = new List<LetterRecipient>();
        var left = new List<LetterWithheld>();
        foreach (var request in book.InOrder)
        {
            switch (request.Status)
            {
                case RequestStatus.Returned:
                    tookPart.Add(new LetterRecipient("agency:" + request.Agency.Name, request.Agency.Name, request.Agency.Leads.Count > 0 ? request.Agency.Leads : request.Agency.Addresses));
                    break;
                case RequestStatus.NoRecords:
                    left.Add(new LetterWithheld(request.Agency.Name, "held no records of the child or family"));
                    break;
                default:
                    left.Add(new LetterWithheld(request.Agency.Name, "returned no information"));
                    break;
            }
        }

        return new AgencyParts(tookPart, left);
    }

    public async Task<IReadOnlyList<string>> StoredFilesAsync(string caseCode, CancellationToken cancellationToken)
    {
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        var returns = book.Requests.Values.SelectMany(r => r.Replies).SelectMany(r => r.Attachments).Select(a => a.StoredAs);
        return [.. returns.Append(book.Collated?.StoredAs).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
