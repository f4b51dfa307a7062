using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Teams.Conversations;

/// <summary>Sends a card into a person's personal chat with the bot, from the reference stored when
/// they installed the bot personally. Without one the bot installs its app for them and opens the
/// chat (<see cref="PersonalChatOpener"/>); where that is refused it says why.</summary>
public sealed class TeamsPersonalChat(ConversationReferenceStore references, ConnectorClient connector, PersonalChatOpener opener) : IPersonalChat
{
    public async Task<string?> SendCardAsync(string aadObjectId, JsonObject card, CancellationToken cancellationToken)
    {
        var chat = await references.FindPersonalAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
        if (chat is null)
        {
            var opened = await opener.OpenAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
            if (opened.Chat is null)
            {
                return opened.Failure;
            }

            chat = opened.Chat;
        }

        var message = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = chat.BotId, Name = chat.BotName },
            Recipient = new ChannelAccount { Id = chat.UserId, Name = chat.UserName },
            Conversation = new ConversationAccount { Id = chat.ConversationId, TenantId = chat.TenantId },
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.DeepClone() }],
        };
        try
        {
            await connector.SendAsync(chat.ServiceUrl, chat.ConversationId, message, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            return "Teams did not take the message (" + ex.Message + ")";
        }
    }
}
