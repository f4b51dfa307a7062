using Microsoft.IdentityModel.Tokens;

namespace TeamsReviewBot.Teams.Auth;

/// <summary>Turns a token validation failure into the name of the check that failed, for the log
/// and the 401 body. Never includes the token itself.</summary>
public static class TokenFailureReasons
{
    public const string Missing = "no bearer token";

    public static string Describe(Exception? failure) => failure switch
    {
        null => Missing,
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenSignatureKeyNotFoundException => "bad signature (unknown signing key)",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenMalformedException => "malformed token",
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => failure.GetType().Name,
    };
}
