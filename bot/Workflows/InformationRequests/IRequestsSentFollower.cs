namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>Something that follows a case's information requests going out (e.g. the meeting, which
/// some seeds set at that moment).</summary>
public interface IRequestsSentFollower
{
    Task AfterRequestsSentAsync(string caseCode, CancellationToken cancellationToken);
}
