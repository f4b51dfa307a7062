using System.Reflection;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Board;

/// <summary>
/// The case board tab. /board and /board/case/{code} are the pages Teams opens; in Teams they sign
/// in through the page's script and fetch /board/view and /board/view/case/{code} with the user's
/// token. In development mode (loopback only) the pages are drawn on the server straight away.
/// </summary>
public static class BoardEndpoints
{
    /// <summary>Teams' web, desktop and mobile clients frame tabs from these origins.</summary>
    private const string FrameAncestors = "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://local.teams.office.com https://*.office.com https://*.cloud.microsoft https://*.skype.com";

    public static IEndpointRouteBuilder MapCaseBoard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/board", (HttpContext context, BoardAccess access, BoardReader reader, CaseService cases, CancellationToken ct) =>
            access.IsDevelopmentMode ? PageAsync(context, "Case board", () => BoardAsync(context, access, reader, cases, ct)) : Task.FromResult(Shell(context, "Case board")));
        endpoints.MapGet("/board/case/{caseCode}", (HttpContext context, string caseCode, BoardAccess access, BoardReader reader, CaseService cases, CancellationToken ct) =>
            access.IsDevelopmentMode ? PageAsync(context, caseCode.ToUpperInvariant(), () => CaseAsync(context, caseCode, access, reader, cases, ct)) : Task.FromResult(Shell(context, "Case board")));
        endpoints.MapGet("/board/view", async (HttpContext context, BoardAccess access, BoardReader reader, CaseService cases, CancellationToken ct) =>
            Fragment(context, await BoardAsync(context, access, reader, cases, ct).ConfigureAwait(false)));
        endpoints.MapGet("/board/view/case/{caseCode}", async (HttpContext context, string caseCode, BoardAccess access, BoardReader reader, CaseService cases, CancellationToken ct) =>
            Fragment(context, await CaseAsync(context, caseCode, access, reader, cases, ct).ConfigureAwait(false)));
        endpoints.MapGet("/board/configure", (HttpContext context) => Html(context, 200,
            "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Case board</title><link rel=\"stylesheet\" href=\"/board/assets/board.css\">"
            + "<script src=\"/board/assets/MicrosoftTeams.min.js\" defer></script><script src=\"/board/assets/configure.js\" defer></script></head>"
            + "<body><h1>Case board</h1><p>This tab shows the partnership's open cases as a timeline: one row per case, its deadlines by state, today marked. Each person sees the cases their role allows. Press Save to add it.</p></body></html>"));
        endpoints.MapGet("/board/assets/{name}", (string name) => BoardAssets.Serve(name));
        return endpoints;
    }

    private static async Task<IResult> PageAsync(HttpContext context, string title, Func<Task<(int Status, string Html)>> fragment)
    {
        var (status, html) = await fragment().ConfigureAwait(false);
        return Html(context, status, BoardHtml.Page(title, html, refresh: status == 200));
    }

    private static IResult Shell(HttpContext context, string title) => Html(context, 200, BoardHtml.Page(title, null, refresh: false));

    private static IResult Fragment(HttpContext context, (int Status, string Html) fragment) => Html(context, fragment.Status, fragment.Html);

    private static async Task<(int, string)> BoardAsync(HttpContext context, BoardAccess access, BoardReader reader, CaseService cases, CancellationToken ct)
    {
        var (actor, status, refusal) = await access.CheckAsync(context, "view").ConfigureAwait(false);
        if (actor is null)
        {
            return (status, BoardHtml.Problem(refusal!));
        }

        var (query, problem) = BoardQuery.Read(context.Request.Query, cases.Playbooks);
        if (query is null)
        {
            return (400, BoardHtml.Problem(problem!));
        }

        var view = await reader.ReadAsync(BoardReader.ViewerOf(actor), query, ct).ConfigureAwait(false);
        return (200, BoardHtml.Board(view, cases.Playbooks.All, LinksFor(context, access), actor.DisplayName));
    }

    private static async Task<(int, string)> CaseAsync(HttpContext context, string caseCode, BoardAccess access, BoardReader reader, CaseService cases, CancellationToken ct)
    {
        var (actor, status, refusal) = await access.CheckAsync(context, "case").ConfigureAwait(false);
        if (actor is null)
        {
            return (status, BoardHtml.Problem(refusal!));
        }

        var code = caseCode.Trim().ToUpperInvariant();
        var state = await reader.FindAsync(BoardReader.ViewerOf(actor), code, ct).ConfigureAwait(false);
        if (state is null)
        {
            var shown = code.Length <= 30 ? code : code[..30] + "…";
            return (404, BoardHtml.Problem($"There is no open case {shown} on your board."));
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var deadlines = cases.Schedule.Deadlines(playbook, state, now);
        var trail = AuditTrail.Render(playbook, await cases.HistoryAsync(state.CaseCode, ct).ConfigureAwait(false));
        return (200, BoardHtml.Case(state, playbook, deadlines, trail, LinksFor(context, access)));
    }

    private static BoardLinks LinksFor(HttpContext context, BoardAccess access) =>
        new(access.IsDevelopmentMode && context.Request.Query[UserTokens.DevelopmentUserParameter].ToString() is { Length: > 0 } user
            ? new Dictionary<string, string> { [UserTokens.DevelopmentUserParameter] = user }
            : new Dictionary<string, string>());

    private static IResult Html(HttpContext context, int status, string html)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " + FrameAncestors;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}

/// <summary>The page's script and style (embedded in the bot) and the Teams JavaScript library (copied from its npm package at build).</summary>
internal static class BoardAssets
{
    public const string TeamsLibrary = "MicrosoftTeams.min.js";

    private static readonly Dictionary<string, string> Embedded = new(StringComparer.Ordinal)
    {
        ["board.js"] = "text/javascript",
        ["configure.js"] = "text/javascript",
        ["board.css"] = "text/css",
    };

    public static IResult Serve(string name)
    {
        if (name == TeamsLibrary)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "board-assets", TeamsLibrary);
            return File.Exists(path) ? Results.File(path, "text/javascript") : Results.NotFound();
        }

        if (!Embedded.TryGetValue(name, out var type))
        {
            return Results.NotFound();
        }

        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TeamsReviewBot.Board.assets." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type + "; charset=utf-8");
    }
}
