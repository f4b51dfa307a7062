using TeamsReviewBot.Storage;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Board;

/// <summary>
/// Who may see the board: the same rule as the "cases" command (anyone the partnership lists, in any
/// role), with <see cref="Process.Board.BoardAudience"/> narrowing which cases. A refusal of someone
/// the token vouches for is audited, as a refused command is.
/// </summary>
public sealed partial class BoardAccess(UserTokens tokens, RefusalAudit audit, ILogger<BoardAccess> logger)
{
    public static CommandAccess Rule { get; } = CommandAccess.AnyRole("Only the partnership's panel members and business managers can see the case board.");

    public bool IsDevelopmentMode => tokens.IsDevelopmentMode;

    /// <summary>The viewer, or the status and sentence to answer with instead.</summary>
    public async Task<(Caller? Actor, int Status, string? Refusal)> CheckAsync(HttpContext context, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        var who = await tokens.ReadAsync(context).ConfigureAwait(false);
        if (who.Actor is null)
        {
            LogUnauthenticated(logger, context.Request.Path, who.Failure ?? "unknown");
            return (null, StatusCodes.Status401Unauthorized, $"You are not signed in: {who.Failure}.");
        }

        if (!Rule.Admits(who.Actor))
        {
            await audit.RecordAsync("board:" + action, who.Actor, null, null, RefusalAudit.LacksRole(who.Actor, Rule.Roles), context.RequestAborted).ConfigureAwait(false);
            return (null, StatusCodes.Status403Forbidden, Rule.Refusal);
        }

        return (who.Actor, StatusCodes.Status200OK, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Path} with 401: {Reason}.")]
    private static partial void LogUnauthenticated(ILogger logger, string path, string reason);
}
