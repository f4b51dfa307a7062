using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Hosting;

/// <summary>Who made a request to one of the bot's own pages, or why nobody could be told.</summary>
public sealed record UserTokenResult(Caller? Actor, string? Failure)
{
    public static UserTokenResult Refused(string failure) => new(null, failure);
}

/// <summary>
/// Tells who is calling one of the bot's pages from the bearer token Teams SSO gave the page
/// (authentication.getAuthToken), validated by Microsoft.Identity.Web: signed by Entra, for this app,
/// from an allowed tenant, unexpired. The person's roles come from Partnership:People exactly as for
/// commands. With Bot:DevelopmentMode (no app id, loopback only, as for /api/messages) there is no
/// Entra to ask: the caller names a listed person with ?as={Entra object id}, and only requests from
/// this machine are served.
/// </summary>
public sealed class UserTokens(IOptions<BotAuthOptions> bot, PartnershipDirectory directory, IOptions<PartnershipOptions> people)
{
    public const string Scheme = "UserToken";

    /// <summary>The query parameter that names the person in development mode.</summary>
    public const string DevelopmentUserParameter = "as";

    public bool IsDevelopmentMode => bot.Value.IsDevelopmentMode;

    public async Task<UserTokenResult> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (bot.Value.IsDevelopmentMode)
        {
            return Development(context);
        }

        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return UserTokenResult.Refused(result.None
                ? "no token was sent; open the page in Teams, which signs you in"
                : TokenFailureReasons.Describe(result.Failure));
        }

        var user = result.Principal;
        var objectId = user.FindFirstValue("oid");
        var tenantId = user.FindFirstValue("tid");
        if (objectId is null || tenantId is null)
        {
            return UserTokenResult.Refused("the token names no user (oid) or tenant (tid)");
        }

        return new UserTokenResult(directory.Identify(objectId, objectId, tenantId, user.FindFirstValue("name")), null);
    }

    private UserTokenResult Development(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return UserTokenResult.Refused("development mode serves this machine only");
        }

        if (!Loopback.IsHost(context.Request.Host.Host))
        {
            return UserTokenResult.Refused("development mode serves this machine only");
        }

        var objectId = context.Request.Query[DevelopmentUserParameter].ToString();
        if (objectId.Length == 0)
        {
            return UserTokenResult.Refused($"development mode has no sign-in: name a listed person with ?{DevelopmentUserParameter}={{their Entra object id}}");
        }

        var person = people.Value.People.FirstOrDefault(p => string.Equals(p.AadObjectId, objectId, StringComparison.OrdinalIgnoreCase));
        var tenant = person?.TenantId ?? bot.Value.TenantId ?? "development";
        return new UserTokenResult(directory.Identify(objectId, objectId, tenant, person?.Name), null);
    }
}

public static class UserTokenServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="UserTokens"/> and, unless in development mode, the Microsoft.Identity.Web
    /// bearer scheme it reads: audience the Application ID URI or app id, issuers the v2 and v1
    /// issuers of the allowed tenants, keys from the bot tenant's Entra metadata (Entra signs every
    /// tenant's tokens with the same published keys).
    /// </summary>
    public static IServiceCollection AddUserTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UserTokenOptions>(configuration.GetSection(UserTokenOptions.SectionName));
        services.AddSingleton<UserTokens>();
        var bot = configuration.GetSection(BotAuthOptions.SectionName).Get<BotAuthOptions>() ?? new BotAuthOptions();
        if (bot.IsDevelopmentMode || string.IsNullOrWhiteSpace(bot.AppId) || string.IsNullOrWhiteSpace(bot.TenantId))
        {
            return services;
        }

        var applicationIdUri = configuration[$"{UserTokenOptions.SectionName}:ApplicationIdUri"];
        var tenants = AllowedTenants(configuration, bot);
        var authority = bot.EntraAuthority;
        services.AddAuthentication().AddMicrosoftIdentityWebApi(
            jwt =>
            {
                // Plain HTTP metadata is only ever a test's own endpoint on this machine.
                jwt.RequireHttpsMetadata = !(authority.Scheme == Uri.UriSchemeHttp && Loopback.IsUri(authority));
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.ValidAudiences = [.. new[] { applicationIdUri, bot.AppId }.OfType<string>().Where(a => a.Length > 0)];
                var issuers = tenants.SelectMany(t => new[] { $"https://login.microsoftonline.com/{t}/v2.0", $"https://sts.windows.net/{t}/" })
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
                jwt.TokenValidationParameters.IssuerValidator = (issuer, _, _) => issuers.Contains(issuer)
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException($"the token's issuer {issuer} is not a tenant this bot serves");
                jwt.TokenValidationParameters.RequireExpirationTime = true;
                jwt.TokenValidationParameters.ValidateLifetime = true;
            },
            identity =>
            {
                identity.Instance = authority.ToString();
                identity.TenantId = bot.TenantId;
                identity.ClientId = bot.AppId;
            },
            UserTokens.Scheme,
            subscribeToJwtBearerMiddlewareDiagnosticsEvents: false);
        return services;
    }

    /// <summary>The bot's tenant, Bot:AllowedTenantIds and every listed person's tenant.</summary>
    private static IReadOnlyList<string> AllowedTenants(IConfiguration configuration, BotAuthOptions bot)
    {
        var people = configuration.GetSection(PartnershipOptions.SectionName).Get<PartnershipOptions>()?.People ?? [];
        return [.. new[] { bot.TenantId! }
            .Concat(bot.AllowedTenantIds ?? [])
            .Concat(people.Select(p => p.TenantId).OfType<string>())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
