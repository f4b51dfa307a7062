namespace TeamsReviewBot.Teams.Auth;

/// <summary>Names of the authentication schemes and policy guarding /api/messages.</summary>
public static class BotAuthenticationSchemes
{
    /// <summary>Picks one of the two token schemes by the token's (not yet trusted) issuer.</summary>
    public const string Selector = "BotCaller";

    public const string BotFramework = "BotFrameworkToken";

    public const string Entra = "EntraToken";

    public const string Policy = "BotFrameworkCaller";
}
