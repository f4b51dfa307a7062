using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Conversations;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The case's thread in the partnership's panel channel: started with the shared card, then edited
/// in place after every vote (the server's truth for clients that do not refresh).
/// </summary>
public sealed class PanelThread(
    ChannelPoster poster,
    ConversationReferenceStore references,
    ConnectorClient connector,
    IOptions<ThresholdDecisionOptions> options)
{
    /// <summary>Starts the thread, or says in a sentence why it could not.</summary>
    public async Task<(PanelThreadOpened? Thread, string? Failure)> StartAsync(Playbook playbook, string caseCode, JsonObject card, ProcessActor actor, CancellationToken cancellationToken)
    {
        if (!options.Value.Panels.TryGetValue(playbook.Key, out var panel) || string.IsNullOrWhiteSpace(panel.ChannelId))
        {
            return (null, $"no panel channel is configured for {playbook.Name} (set ThresholdDecision:Panels:{playbook.Key}:ChannelId)");
        }

        var channel = await references.FindChannelAsync(panel.ChannelId, cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            return (null, $"TeamsReviewBot has not been added to the panel channel {panel.ChannelId} yet (add it to the team, or mention it once in the channel)");
        }

        var posted = await poster.StartThreadAsync(channel, card, $"Threshold decision needed: {caseCode}", cancellationToken).ConfigureAwait(false);
        if (!posted.Posted || posted.ThreadId is null || posted.MessageId is null)
        {
            return (null, posted.Failure ?? "Teams did not say where the thread was created");
        }

        return (new PanelThreadOpened(channel.ServiceUrl, channel.ConversationId, posted.ThreadId, posted.MessageId, channel.TenantId, channel.BotId, channel.BotName, actor), null);
    }

    public async Task UpdateAsync(PanelThreadOpened thread, JsonObject card, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = thread.BotId, Name = thread.BotName },
            Conversation = new ConversationAccount { Id = thread.ThreadId, TenantId = thread.TenantId, IsGroup = true, ConversationType = "channel" },
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }],
        };
        await connector.UpdateAsync(thread.ServiceUrl, thread.ThreadId, thread.MessageId, update, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A plain reply in the case's thread (e.g. the decision announced to the channel).</summary>
    public async Task ReplyAsync(PanelThreadOpened thread, string text, CancellationToken cancellationToken)
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = thread.BotId, Name = thread.BotName },
            Conversation = new ConversationAccount { Id = thread.ThreadId, TenantId = thread.TenantId, IsGroup = true, ConversationType = "channel" },
            Text = text,
            TextFormat = "plain",
        };
        await connector.SendAsync(thread.ServiceUrl, thread.ThreadId, reply, cancellationToken).ConfigureAwait(false);
    }
}
