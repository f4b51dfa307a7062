using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Teams.Conversations;

namespace TeamsReviewBot.Teams;

/// <summary>
/// A typed message: the first word picks a chat command and the command answers in the same
/// conversation. An unknown command or a failing one gets a plain sentence back, never silence.
/// In a channel, where the app reads every message, only a command or an @mention of the bot is
/// answered. A message carrying value.verb and no text is an Action.Submit (the fallback of Action.Execute
/// on older clients) and goes to the same card action handler as the invoke would. A command runs
/// only for the people and in the conversations its <see cref="CommandAccess"/> names; any other
/// attempt is answered in a sentence and recorded in the audit table. A file attached in a personal
/// chat goes to the <see cref="IChatFileHandler"/>; a reply in a channel thread that is not a command
/// goes to the <see cref="IChannelThreadReplyHandler"/>s first.
/// </summary>
public sealed partial class MessageActivityHandler(
    CommandCatalogue commands,
    ConnectorClient connector,
    CardActionRouter cardActions,
    ConversationReferenceStore references,
    PartnershipDirectory directory,
    RefusalAudit audit,
    IEnumerable<IChatFileHandler> fileHandlers,
    IEnumerable<IChannelThreadReplyHandler> threadReplyHandlers,
    ILogger<MessageActivityHandler> logger) : IActivityHandler
{
    public string ActivityType => ActivityTypes.Message;

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.From?.Id is null)
        {
            return new ActivityResult(400, ErrorBody("A message activity needs serviceUrl, conversation.id and from.id."));
        }

        // Keep the reference (service URL included) current for later proactive posts.
        if (ConversationReferences.From(activity) is { } reference)
        {
            await references.RefreshAsync(reference, cancellationToken).ConfigureAwait(false);
        }

        var text = Mentions.StripMentions(activity.Text);
        var files = ChatFiles(activity);
        if (files.Count > 0 && ConversationTypeOf(activity) == "personal" && fileHandlers.FirstOrDefault() is { } fileHandler)
        {
            var message = new ChatFileMessage(SenderOf(activity), activity.Conversation.Id, activity.Id, text, files);
            CommandReply answer;
            try
            {
                answer = await fileHandler.HandleAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogInboundFailed(ex, "file");
                answer = CommandReply.Message(InboundFailure);
            }

            var fileAnswer = answer.Card is null ? ActivityReplies.Text(activity, answer.Text ?? string.Empty) : ActivityReplies.Card(activity, answer.Card, answer.Text);
            await AnswerAsync(activity, fileAnswer, cancellationToken).ConfigureAwait(false);
            return ActivityResult.Accepted;
        }

        if (text.Length > 0 && ChannelPoster.ThreadRootOf(activity.Conversation.Id) is not null && ConversationTypeOf(activity) == "channel"
            && commands.Find(CommandCatalogue.Split(text).Name) is null)
        {
            foreach (var handler in threadReplyHandlers)
            {
                var threadReply = new ChannelThreadReply(SenderOf(activity), activity.Conversation.Id, activity.Id, text, activity.Timestamp);
                if (await GuardedAsync(async () => await handler.HandleAsync(threadReply, cancellationToken).ConfigureAwait(false), "thread reply").ConfigureAwait(false) is { } answer)
                {
                    if (answer.Length > 0)
                    {
                        await AnswerAsync(activity, ActivityReplies.Text(activity, answer), cancellationToken).ConfigureAwait(false);
                    }

                    return ActivityResult.Accepted;
                }
            }
        }

        if (text.Length == 0)
        {
            if (CardActionRouter.ReadAction(activity) is { } submit)
            {
                await AnswerSubmitAsync(activity, submit.Verb, submit.Data, cancellationToken).ConfigureAwait(false);
            }

            return ActivityResult.Accepted;
        }

        var (name, arguments) = CommandCatalogue.Split(text);

        // The app may read every channel message (resource-specific consent): people talking among
        // themselves there are not speaking to the bot, so an unknown word gets an answer only when
        // the bot was @mentioned.
        if (ConversationTypeOf(activity) == "channel" && commands.Find(name) is null && !Mentions.NamesBot(activity))
        {
            return ActivityResult.Accepted;
        }

        var reply = await AnswerAsync(activity, name, arguments, cancellationToken).ConfigureAwait(false);
        var outgoing = reply.Card is null
            ? ActivityReplies.Text(activity, reply.Text ?? string.Empty)
            : ActivityReplies.Card(activity, reply.Card, reply.Text);
        await AnswerAsync(activity, outgoing, cancellationToken).ConfigureAwait(false);
        return ActivityResult.Accepted;
    }

    private async Task AnswerAsync(Activity activity, Activity outgoing, CancellationToken cancellationToken)
    {
        if (activity.Id is { } id)
        {
            await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, id, outgoing, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, outgoing, cancellationToken).ConfigureAwait(false);
        }
    }

    private const string InboundFailure = "Sorry, I could not take that and nothing was changed. Please try again; if it keeps failing, tell your administrator.";

    /// <summary>A handler's answer; when it fails, a sentence saying nothing was changed (the failure is logged, without the message).</summary>
    private async Task<string?> GuardedAsync(Func<Task<string?>> handle, string what)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogInboundFailed(ex, what);
            return InboundFailure;
        }
    }

    /// <summary>The files Teams describes on the message (personal chats only carry them).</summary>
    private static List<ChatFile> ChatFiles(Activity activity) =>
        [.. (activity.Attachments ?? [])
            .Where(a => string.Equals(a.ContentType, ChatFile.ContentType, StringComparison.OrdinalIgnoreCase) && a.Content is System.Text.Json.Nodes.JsonObject)
            .Select(a => (Attachment: a, Content: (System.Text.Json.Nodes.JsonObject)a.Content!))
            .Where(a => a.Content["downloadUrl"] is System.Text.Json.Nodes.JsonValue url && url.TryGetValue<string>(out _))
            .Select(a => new ChatFile(
                a.Attachment.Name ?? string.Empty,
                a.Content["fileType"] is System.Text.Json.Nodes.JsonValue type && type.TryGetValue<string>(out var t) ? t : null,
                a.Content["downloadUrl"]!.GetValue<string>(),
                a.Content["uniqueId"] is System.Text.Json.Nodes.JsonValue id && id.TryGetValue<string>(out var u) ? u : null))];

    private static CommandSender SenderOf(Activity activity) =>
        new(activity.From!.Id!, activity.From.AadObjectId, activity.From.Name, ActivitySender.TenantOf(activity));

    /// <summary>An Action.Submit cannot be answered in the HTTP response: an updated card replaces
    /// the card's message, anything else is a reply in the conversation.</summary>
    private async Task AnswerSubmitAsync(Activity activity, string verb, System.Text.Json.Nodes.JsonObject data, CancellationToken cancellationToken)
    {
        CardActionResult result;
        try
        {
            result = await cardActions.RouteAsync(activity, verb, data, automatic: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCardActionFailed(ex, verb);
            result = CardActionResult.Error(CardActionFailure.Sentence, 500);
        }

        if (result is CardReply card && activity.ReplyToId is { } cardMessageId)
        {
            await connector.UpdateAsync(activity.ServiceUrl!, activity.Conversation!.Id!, cardMessageId, ActivityReplies.Card(activity, card.Content), cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = result switch
        {
            MessageReply message => message.Text,
            ErrorReply error => error.Text,
            _ => "Done.",
        };
        await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, ActivityReplies.Text(activity, text), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandReply> AnswerAsync(Activity activity, string name, string arguments, CancellationToken cancellationToken)
    {
        if (commands.Find(name) is not { } command)
        {
            return CommandReply.Message($"I don't know the command \"{Truncate(name)}\". Type **help** to see the commands I understand.");
        }

        var sender = new CommandSender(activity.From!.Id!, activity.From.AadObjectId, activity.From.Name, ActivitySender.TenantOf(activity));
        var request = new CommandRequest(arguments, sender, activity.Conversation!.Id!, ConversationTypeOf(activity));
        if (await RefuseAsync(command, request, activity.Id, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        try
        {
            return await command.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandFailed(ex, command.Name);
            return CommandReply.Message($"Sorry, \"{command.Name}\" failed and nothing was changed. Please try again; if it keeps failing, tell your administrator.");
        }
    }

    /// <summary>The command's refusal when this person may not run it here, after recording it; null when they may.</summary>
    private async Task<CommandReply?> RefuseAsync(IChatCommand command, CommandRequest request, string? messageId, CancellationToken cancellationToken)
    {
        var access = command.AccessFor(request.Arguments);
        var actor = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);
        if (!access.Admits(actor))
        {
            await audit.RecordAsync("command:" + command.Name, actor, request.ConversationId, messageId, RefusalAudit.LacksRole(actor, access.Roles), cancellationToken).ConfigureAwait(false);
            return CommandReply.Message(access.Refusal);
        }

        if (!access.AnswersIn(request.ConversationType))
        {
            await audit.RecordAsync("command:" + command.Name, actor, request.ConversationId, messageId, $"asked in a {request.ConversationType} conversation; answered only in a personal chat", cancellationToken).ConfigureAwait(false);
            return CommandReply.Message($"I answer \"{command.Name}\" only in your personal chat with me: {access.PersonalChatOnlyBecause}. Nothing was shown here.");
        }

        return null;
    }

    /// <summary>Teams names the kind of conversation; a group flag without a kind is a group chat.</summary>
    private static string ConversationTypeOf(Activity activity) =>
        activity.Conversation?.ConversationType ?? (activity.Conversation?.IsGroup == true ? "groupChat" : "personal");

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static System.Text.Json.Nodes.JsonObject ErrorBody(string message) => new() { ["error"] = message };

    [LoggerMessage(Level = LogLevel.Error, Message = "Card action {Verb} (submitted) failed.")]
    private partial void LogCardActionFailed(Exception exception, string verb);

    [LoggerMessage(Level = LogLevel.Error, Message = "An inbound {What} failed.")]
    private partial void LogInboundFailed(Exception exception, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chat command {Command} failed.")]
    private partial void LogCommandFailed(Exception exception, string command);
}
