using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Process.Afterwards;

/// <summary>Which agencies took part, for the outcome letters: an agency that returned information took
/// part (its leads are written to); one with no records, or no reply, has nothing to be told.</summary>
public sealed record AgencyParts(IReadOnlyList<LetterRecipient> TookPart, IReadOnlyList<LetterWithheld> Left)
{
    public static AgencyParts From(RequestBook book)
    {
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
}
