namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>Something that follows an agency's reply on a case (e.g. the meeting's papers, owed again
/// when a return arrives after they went).</summary>
public interface IReturnFollower
{
    Task AfterReturnAsync(string caseCode, CancellationToken cancellationToken);
}
