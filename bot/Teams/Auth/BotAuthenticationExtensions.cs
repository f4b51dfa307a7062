using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsReviewBot.Teams.Auth;

/// <summary>
/// Inbound authentication of Teams activities, as the Teams SDK does it: a token from the Bot
/// Framework (issuer api.botframework.com, keys from its OpenID metadata) or from the bot's own
/// Entra tenant (v2 and v1 issuers, keys from the tenant's metadata), with the bot's app id as
/// audience. Each is its own JwtBearer scheme; a selector forwards by the token's issuer so each
/// token is checked only against the keys of the issuer it claims.
/// </summary>
public static partial class BotAuthenticationExtensions
{
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, BotAuthOptions options)
    {
        options.Validate();
        services.AddHostedService<DevelopmentModeGuard>();
        if (options.IsDevelopmentMode)
        {
            return services;
        }

        services.AddAuthentication(BotAuthenticationSchemes.Selector)
            .AddPolicyScheme(BotAuthenticationSchemes.Selector, "Bot Framework or Entra token", o => o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(BotAuthenticationSchemes.BotFramework, o => Configure(o, options.OpenIdMetadataUrl, [BotAuthOptions.BotFrameworkIssuer], options))
            .AddJwtBearer(BotAuthenticationSchemes.Entra, o => Configure(o, options.EntraMetadataUrl, options.EntraIssuers, options));
        services.AddAuthorizationBuilder().AddPolicy(BotAuthenticationSchemes.Policy, p => p
            .AddAuthenticationSchemes(BotAuthenticationSchemes.Selector)
            .RequireAuthenticatedUser());
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            var handler = new JsonWebTokenHandler();
            var raw = header[prefix.Length..].Trim();
            if (handler.CanReadToken(raw) && handler.ReadJsonWebToken(raw).Issuer is { } issuer
                && !string.Equals(issuer, BotAuthOptions.BotFrameworkIssuer, StringComparison.OrdinalIgnoreCase))
            {
                return BotAuthenticationSchemes.Entra;
            }
        }

        return BotAuthenticationSchemes.BotFramework;
    }

    private static void Configure(JwtBearerOptions jwt, Uri metadata, IReadOnlyList<string> issuers, BotAuthOptions options)
    {
        jwt.MetadataAddress = metadata.ToString();
        // Plain HTTP metadata is only ever a test's own endpoint on this machine.
        jwt.RequireHttpsMetadata = !(metadata.Scheme == Uri.UriSchemeHttp && Loopback.IsUri(metadata));
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = issuers,
            ValidateAudience = true,
            ValidAudiences = options.ValidAudiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                var reason = TokenFailureReasons.Describe(context.AuthenticateFailure);
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsReviewBot.Teams.Auth");
                LogRefused(logger, reason, context.Request.Path);
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(new { error = $"The request was not authenticated: {reason}." }).ConfigureAwait(false);
            },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity posted to {Path} with 401: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason, string path);
}
