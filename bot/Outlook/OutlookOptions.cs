namespace TeamsReviewBot.Outlook;

/// <summary>
/// Configuration section "Outlook": the add-in's Entra registration as its task pane's tokens name
/// it, and where the bot finds the Office.js files it serves. Tenant and authority come from the
/// Bot section; the add-in is the bot's own app (the unified manifest's webApplicationInfo).
/// </summary>
public sealed class OutlookOptions
{
    public const string SectionName = "Outlook";

    /// <summary>The app id the task pane's tokens are issued for; empty means Bot:AppId.</summary>
    public string? ClientId { get; set; }

    /// <summary>Extra audiences a task pane token may carry (e.g. api://host/botid-{AppId}, the
    /// Application ID URI Office SSO asks for), besides the app id and its api:// forms.</summary>
    public IList<string> Audiences { get; } = [];

    /// <summary>The folder holding Office.js (the @microsoft/office-js package's dist folder);
    /// empty means "office-js" beside the bot, else node_modules found above it.</summary>
    public string? OfficeJsFolder { get; set; }
}
