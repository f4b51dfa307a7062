using TeamsReviewBot.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Outlook;

/// <summary>
/// The task pane calls the bot with the signed-in person's Entra token (Office SSO). It is checked
/// by Microsoft.Identity.Web as a web API token: signed by the bot's tenant, for the add-in's app,
/// unexpired, carrying a delegated scope. In development mode (Bot:DevelopmentMode, loopback only)
/// no token is asked for, as on /api/messages.
/// </summary>
public static partial class OutlookAuthentication
{
    public const string Scheme = "OutlookUser";

    public const string Policy = "OutlookUser";

    public static void Add(IServiceCollection services, BotAuthOptions bot, OutlookOptions outlook)
    {
        if (bot.IsDevelopmentMode)
        {
            return;
        }

        var clientId = string.IsNullOrWhiteSpace(outlook.ClientId) ? bot.AppId! : outlook.ClientId;
        string[] audiences = [clientId, $"api://{clientId}", $"api://botid-{clientId}", .. outlook.Audiences];
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApi(
                jwt =>
                {
                    // Set before JwtBearer checks its options: plain-HTTP metadata only for a test's endpoint on this machine.
                    jwt.MetadataAddress = bot.EntraMetadataUrl.ToString();
                    jwt.RequireHttpsMetadata = !(bot.EntraMetadataUrl.Scheme == Uri.UriSchemeHttp && Loopback.IsUri(bot.EntraMetadataUrl));
                },
                identity =>
                {
                    identity.Instance = bot.EntraAuthority.ToString();
                    identity.TenantId = bot.TenantId;
                    identity.ClientId = clientId;
                },
                Scheme);

        // After Identity.Web's own settings: the tenant's two issuers exactly, our audiences, and
        // plain-HTTP metadata only for a test's endpoint on this machine.
        services.PostConfigure<JwtBearerOptions>(Scheme, jwt =>
        {
            jwt.MetadataAddress = bot.EntraMetadataUrl.ToString();
            jwt.RequireHttpsMetadata = !(bot.EntraMetadataUrl.Scheme == Uri.UriSchemeHttp && Loopback.IsUri(bot.EntraMetadataUrl));
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.IssuerValidator = null;
            jwt.TokenValidationParameters.ValidateIssuer = true;
            jwt.TokenValidationParameters.ValidIssuers = bot.EntraIssuers;
            jwt.TokenValidationParameters.ValidateAudience = true;
            jwt.TokenValidationParameters.ValidAudiences = audiences;
            jwt.TokenValidationParameters.RequireExpirationTime = true;
            jwt.TokenValidationParameters.RequireSignedTokens = true;
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(5);
            jwt.Events ??= new JwtBearerEvents();
            jwt.Events.OnChallenge = RefuseAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
    }

    /// <summary>A refused token gets a sentence, a log line and an audit row; never the token itself.</summary>
    private static async Task RefuseAsync(JwtBearerChallengeContext context)
    {
        var reason = TokenFailureReasons.Describe(context.AuthenticateFailure);
        var services = context.HttpContext.RequestServices;
        LogRefused(services.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsReviewBot.Outlook"), reason, context.Request.Path);
        var nobody = new Caller("outlook", null, null, "Unauthenticated caller", []);
        await services.GetRequiredService<RefusalAudit>().RecordAsync("outlook:" + context.Request.Path, nobody, null, null, reason, context.HttpContext.RequestAborted).ConfigureAwait(false);
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(new { error = $"You are not signed in to the Rapid Review add-in: {reason}." }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an Outlook add-in call to {Path} with 401: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason, string path);
}
