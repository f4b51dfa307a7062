namespace TeamsReviewBot.Hosting;

/// <summary>
/// What a signed-in person's Entra token must say to be accepted by the bot's own pages (the case
/// board tab): its audience is the app's Application ID URI (UserTokens:ApplicationIdUri, e.g.
/// api://bot.example.org/{Bot:AppId}, the one the manifest's webApplicationInfo.resource names) or
/// the app id itself, and its issuer is the Entra tenant of the bot or of a listed person.
/// </summary>
public sealed class UserTokenOptions
{
    public const string SectionName = "UserTokens";

    /// <summary>The Application ID URI Teams asks Entra for when the tab calls getAuthToken.</summary>
    public string? ApplicationIdUri { get; set; }
}
