namespace TeamsReviewBot.Teams;

/// <summary>Handles every activity of one type (message, invoke, conversationUpdate…).</summary>
public interface IActivityHandler
{
    string ActivityType { get; }

    Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken);
}
