using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Outlook;

/// <summary>
/// The task pane page and its script and style (embedded in the bot), and Office.js itself, served
/// by the bot from the @microsoft/office-js package's files: no CDN, so the pane runs where only
/// the bot's own host is allowed.
/// </summary>
public static partial class TaskPaneEndpoints
{
    public const string OfficeJsPath = "/outlook/office-js";

    public static WebApplication MapOutlookTaskPane(this WebApplication app)
    {
        app.MapGet("/outlook/taskpane", () => Embedded("taskpane.html", "text/html; charset=utf-8"));
        app.MapGet("/outlook/taskpane.js", () => Embedded("taskpane.js", "text/javascript; charset=utf-8"));
        app.MapGet("/outlook/taskpane.css", () => Embedded("taskpane.css", "text/css; charset=utf-8"));

        // The ribbon button's icons (16, 32 and 80 px in the manifest): the app's colour icon, scaled by Outlook.
        app.MapGet("/outlook/icon-{size:int}.png", (int size) => Embedded("icon.png", "image/png"));
        var folder = OfficeJsFolder(app.Services.GetRequiredService<IOptions<OutlookOptions>>().Value, app.Environment.ContentRootPath);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsReviewBot.Outlook");
        if (folder is null)
        {
            LogNoOfficeJs(logger);
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = OfficeJsPath });
        return app;
    }

    /// <summary>Outlook:OfficeJsFolder; else "office-js" beside the bot (a published bot); else the
    /// package in node_modules above the content root (a developer's clone).</summary>
    public static string? OfficeJsFolder(OutlookOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.OfficeJsFolder))
        {
            return File.Exists(Path.Combine(options.OfficeJsFolder, "office.js")) ? Path.GetFullPath(options.OfficeJsFolder) : null;
        }

        foreach (var root in new[] { contentRoot, AppContext.BaseDirectory })
        {
            if (File.Exists(Path.Combine(root, "office-js", "office.js")))
            {
                return Path.Combine(root, "office-js");
            }

            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var dist = Path.Combine(dir.FullName, "node_modules", "@microsoft", "office-js", "dist");
                if (File.Exists(Path.Combine(dist, "office.js")))
                {
                    return dist;
                }
            }
        }

        return null;
    }

    private static IResult Embedded(string name, string contentType)
    {
        var stream = typeof(TaskPaneEndpoints).Assembly.GetManifestResourceStream("TeamsReviewBot.Outlook.TaskPane." + name)
            ?? throw new InvalidOperationException($"The task pane file {name} is not embedded in the bot.");
        return Results.Stream(stream, contentType);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Office.js was not found (Outlook:OfficeJsFolder, office-js beside the bot, or node_modules/@microsoft/office-js): the Outlook task pane cannot start until it is there.")]
    private static partial void LogNoOfficeJs(ILogger logger);
}
