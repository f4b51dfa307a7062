namespace TeamsReviewBot.Teams;

/// <summary>Answers one named invoke other than adaptiveCard/action (composeExtension/query…); the
/// answer goes in the HTTP response body.</summary>
public interface IInvokeHandler
{
    string InvokeName { get; }

    Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken);
}
