using TeamsReviewBot.Commands;

namespace TeamsReviewBot.Teams;

/// <summary>
/// A typed message: the first word picks a chat command and the command answers in the same
/// conversation. An unknown command or a failing one gets a plain sentence back, never silence.
/// </summary>
public sealed partial class MessageActivityHandler(
    CommandCatalogue commands,
    ConnectorClient connector,
    ILogger<MessageActivityHandler> logger) : IActivityHandler
{
    public string ActivityType => ActivityTypes.Message;

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.From?.Id is null)
        {
            return new ActivityResult(400, ErrorBody("A message activity needs serviceUrl, conversation.id and from.id."));
        }

        var text = Mentions.StripMentions(activity.Text);
        if (text.Length == 0)
        {
            return ActivityResult.Accepted;
        }

        var (name, arguments) = CommandCatalogue.Split(text);
        var reply = await AnswerAsync(activity, name, arguments, cancellationToken).ConfigureAwait(false);
        var outgoing = reply.Card is null
            ? ActivityReplies.Text(activity, reply.Text ?? string.Empty)
            : ActivityReplies.Card(activity, reply.Card, reply.Text);
        if (activity.Id is { } id)
        {
            await connector.ReplyAsync(activity.ServiceUrl, activity.Conversation.Id, id, outgoing, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await connector.SendAsync(activity.ServiceUrl, activity.Conversation.Id, outgoing, cancellationToken).ConfigureAwait(false);
        }

        return ActivityResult.Accepted;
    }

    private async Task<CommandReply> AnswerAsync(Activity activity, string name, string arguments, CancellationToken cancellationToken)
    {
        if (commands.Find(name) is not { } command)
        {
            return CommandReply.Message($"I don't know the command \"{Truncate(name)}\". Type **help** to see the commands I understand.");
        }

        var request = new CommandRequest(
            arguments,
            new CommandSender(activity.From!.Id!, activity.From.AadObjectId, activity.From.Name, activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id),
            activity.Conversation!.Id!,
            activity.Conversation.ConversationType ?? "personal");
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

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static System.Text.Json.Nodes.JsonObject ErrorBody(string message) => new() { ["error"] = message };

    [LoggerMessage(Level = LogLevel.Error, Message = "Chat command {Command} failed.")]
    private partial void LogCommandFailed(Exception exception, string command);
}
