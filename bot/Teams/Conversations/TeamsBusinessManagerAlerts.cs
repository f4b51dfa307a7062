using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Teams.Conversations;

/// <summary>
/// Alerts go to each business manager's personal chat with the bot, from the reference stored
/// when they installed the bot personally. A business manager the bot cannot reach is logged as
/// an error, so the failure is never silent; the logged alert has its email addresses hashed.
/// </summary>
public sealed partial class TeamsBusinessManagerAlerts(
    PartnershipDirectory directory,
    ConversationReferenceStore references,
    ConnectorClient connector,
    ILogger<TeamsBusinessManagerAlerts> logger) : IBusinessManagerAlerts
{
    public Task<int> AlertAsync(string sentence, CancellationToken cancellationToken) => SendAsync(sentence, null, cancellationToken);

    public Task<int> AlertAsync(string sentence, JsonObject card, CancellationToken cancellationToken) => SendAsync(sentence, card, cancellationToken);

    private async Task<int> SendAsync(string sentence, JsonObject? card, CancellationToken cancellationToken)
    {
        var reached = 0;
        foreach (var manager in directory.WithRole(PartnershipRole.BusinessManager))
        {
            var chat = await references.FindPersonalAsync(manager.AadObjectId!, cancellationToken).ConfigureAwait(false);
            if (chat is null)
            {
                LogUnreachable(logger, manager.Name ?? manager.AadObjectId!, "no personal chat with the bot is stored", Hosting.AddressHash.Redact(sentence));
                continue;
            }

            var message = new Activity
            {
                Type = ActivityTypes.Message,
                From = new ChannelAccount { Id = chat.BotId, Name = chat.BotName },
                Recipient = new ChannelAccount { Id = chat.UserId, Name = chat.UserName },
                Conversation = new ConversationAccount { Id = chat.ConversationId, TenantId = chat.TenantId },
                Text = sentence,
                TextFormat = "plain",
                // Each chat gets its own copy: a card node belongs to one parent.
                Attachments = card is null ? null : [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.DeepClone() }],
            };
            try
            {
                await connector.SendAsync(chat.ServiceUrl, chat.ConversationId, message, cancellationToken).ConfigureAwait(false);
                reached++;
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
            {
                LogUnreachable(logger, manager.Name ?? manager.AadObjectId!, ex.Message, Hosting.AddressHash.Redact(sentence));
            }
        }

        return reached;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not alert business manager {Manager} ({Why}). The alert was: {Sentence}")]
    private static partial void LogUnreachable(ILogger logger, string manager, string why, string sentence);
}
