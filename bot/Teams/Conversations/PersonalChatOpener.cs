using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Teams;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Teams.Conversations;

/// <summary>A personal chat opened for someone the bot had none with, or the sentence saying why not.</summary>
public sealed record OpenedChat(ConversationReference? Chat, string? Failure);

/// <summary>
/// Opens a personal chat with someone the bot has never talked to: installs the bot's app for them
/// through Graph (<see cref="PersonalAppInstaller"/>), then creates the 1:1 conversation with the
/// Bot Connector at the service URL Teams gave the bot elsewhere, and stores it like any other.
/// Where Graph refuses (not permitted in the tenant, a guest from another tenant) the business
/// managers are told once whom to ask, and the refusal is remembered for
/// <see cref="ProactiveInstallOptions.RetryRefusedAfter"/> so a notice due every minute neither asks
/// Graph nor alerts again.
/// </summary>
public sealed partial class PersonalChatOpener(
    IOptions<ProactiveInstallOptions> options,
    ConversationReferenceStore references,
    ConnectorClient connector,
    PersonalAppInstaller installer,
    PartnershipDirectory directory,
    IdempotencyStore once,
    IBusinessManagerAlerts alerts,
    TimeProvider time,
    ILogger<PersonalChatOpener> logger)
{
    private const string RefusedScope = "personal-app-refused";

    public async Task<OpenedChat> OpenAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        if (options.Value.CatalogAppId is not { Length: > 0 } catalogAppId)
        {
            return new OpenedChat(null, "they have no personal chat with the bot yet (they need to open the bot's chat once, or have the app installed for them: the bot cannot install it itself while ProactiveInstall:CatalogAppId is not set)");
        }

        var channels = await references.ListAsync(ConversationKind.Channel, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ConversationReference> personal = channels.Count > 0 ? [] : await references.ListAsync(ConversationKind.Personal, cancellationToken).ConfigureAwait(false);
        var anchor = channels.Count > 0 ? channels[0] : personal.Count > 0 ? personal[0] : null;
        if (anchor is null)
        {
            return new OpenedChat(null, "they have no personal chat with the bot, and the bot is installed nowhere in Teams yet, so it cannot start one");
        }

        var window = RefusalWindow();
        if (await once.ValueAsync(RefusedScope, aadObjectId + ":" + window, cancellationToken).ConfigureAwait(false) is { Length: > 0 } remembered)
        {
            return new OpenedChat(null, remembered);
        }

        var name = NameOf(aadObjectId) ?? "this person";
        PersonalAppInstallation installation;
        try
        {
            installation = await installer.EnsureInstalledAsync(aadObjectId, catalogAppId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Microsoft.Graph.Models.ODataErrors.ODataError or HttpRequestException)
        {
            // Graph failing (not refusing) is not remembered: the next notice tries again.
            LogGraphFailed(ex.Message);
            return new OpenedChat(null, "they have no personal chat with the bot, and Microsoft Graph could not be reached to install the app for them; the bot will try again with the next message");
        }

        switch (installation)
        {
            case PersonalAppInstallation.Refused refused:
                return new OpenedChat(null, await RememberRefusalAsync(aadObjectId, name, window, refused, cancellationToken).ConfigureAwait(false));
            case PersonalAppInstallation.Ready ready:
                try
                {
                    var conversation = await connector.OpenPersonalChatAsync(anchor.ServiceUrl, anchor.TenantId, anchor.BotId, aadObjectId, cancellationToken).ConfigureAwait(false);
                    var chat = new ConversationReference(ConversationKind.Personal, anchor.ServiceUrl, conversation.Id, anchor.TenantId, anchor.BotId, anchor.BotName, UserId: aadObjectId, UserAadObjectId: aadObjectId, UserName: NameOf(aadObjectId));
                    await references.SaveAsync(chat, cancellationToken).ConfigureAwait(false);
                    LogOpened(ready.InstalledNow, ready.ChatId);
                    return new OpenedChat(chat, null);
                }
                catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
                {
                    return new OpenedChat(null, $"the app is installed for them, but Teams would not open the chat ({ex.Message})");
                }

            default:
                throw new InvalidOperationException("Unknown installation result.");
        }
    }

    private async Task<string> RememberRefusalAsync(string aadObjectId, string name, string window, PersonalAppInstallation.Refused refused, CancellationToken cancellationToken)
    {
        var sentence = $"they have no personal chat with the bot and Microsoft Graph would not install the app for them ({refused.Status} {refused.Code})";
        if (await once.TryClaimAsync(RefusedScope + "-told", aadObjectId + ":" + window, cancellationToken).ConfigureAwait(false))
        {
            await alerts.AlertAsync(
                $"I cannot reach {name} in Teams: I have no chat with them, and Microsoft Graph refused to install TeamsReviewBot for them ({refused.Status} {refused.Code}: not permitted in this tenant, or they are a guest from another organisation). "
                + $"Please ask your Teams administrator to install TeamsReviewBot for {name} (for a guest, their own organisation's administrator must allow it), or ask {name} to open TeamsReviewBot's chat in Teams once. "
                + "Until then, cards for them reach no one; I will not ask Graph again for them today.",
                cancellationToken).ConfigureAwait(false);
        }

        await once.ClaimWithValueAsync(RefusedScope, aadObjectId + ":" + window, sentence, cancellationToken).ConfigureAwait(false);
        LogRefused(refused.Status, refused.Code);
        return sentence;
    }

    private string? NameOf(string aadObjectId) =>
        Enum.GetValues<PartnershipRole>().SelectMany(directory.WithRole)
            .FirstOrDefault(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>The current window a refusal is remembered in: whole multiples of the retry interval.</summary>
    private string RefusalWindow()
    {
        var interval = options.Value.RetryRefusedAfter > TimeSpan.Zero ? options.Value.RetryRefusedAfter : TimeSpan.FromDays(1);
        return (time.GetUtcNow().UtcTicks / interval.Ticks).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened a personal chat through the app installed for the person (installed now: {InstalledNow}; Graph chat {ChatId}).")]
    private partial void LogOpened(bool installedNow, string chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph failed while installing the app for a person the bot has no chat with: {Why}")]
    private partial void LogGraphFailed(string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused to install the app for a person the bot has no chat with ({Status} {Code}); the business managers were told.")]
    private partial void LogRefused(int status, string code);
}
