using System.Net;
using System.Security.Claims;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Outlook;

/// <summary>
/// Who is calling from the task pane: the person the validated token names (object id and tenant,
/// as Teams gives them) with the roles Partnership:People gives them, so Outlook and Teams agree
/// on who may do what. In development mode, from this machine only, the pane names the person in
/// a header instead (the local stack has no Entra sign-in).
/// </summary>
public static class OutlookCaller
{
    public const string DevelopmentUserHeader = "X-Development-User";

    /// <summary>The caller, or the sentence saying why nobody can be named.</summary>
    public static (Caller? Actor, string? Refusal) Identify(HttpContext context, PartnershipDirectory directory, BotAuthOptions bot)
    {
        if (bot.IsDevelopmentMode)
        {
            if (!FromThisMachine(context))
            {
                return (null, "development mode serves this machine only");
            }

            var oid = context.Request.Headers[DevelopmentUserHeader].ToString();
            if (string.IsNullOrWhiteSpace(oid))
            {
                return (null, $"development mode: name the person in the {DevelopmentUserHeader} header");
            }

            var person = directory.Identify("outlook:" + oid, oid, DevelopmentTenant(directory, oid, bot), null);
            return (person, null);
        }

        var user = context.User;
        var objectId = Claim(user, "oid");
        var tenant = Claim(user, "tid");
        if (objectId is null || tenant is null)
        {
            return (null, "the token names no person (oid and tid)");
        }

        return (directory.Identify("outlook:" + objectId, objectId, tenant, Claim(user, "name")), null);
    }

    private static string? Claim(ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;

    /// <summary>Development mode has no tokens to give a tenant: the person's configured one, else the bot's, else any.</summary>
    private static string DevelopmentTenant(PartnershipDirectory directory, string oid, BotAuthOptions bot) =>
        Enum.GetValues<PartnershipRole>().SelectMany(directory.WithRole)
            .FirstOrDefault(p => string.Equals(p.AadObjectId, oid, StringComparison.OrdinalIgnoreCase))?.TenantId
        ?? bot.TenantId ?? "development";

    private static bool FromThisMachine(HttpContext context) =>
        (context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote)) && Loopback.IsHost(context.Request.Host.Host);
}
