using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.Outbound;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The case's thread in the partnership's panel channel: started with the shared card, then edited
/// in place after every vote (the server's truth for clients that do not refresh).
/// </summary>
public sealed class PanelThread(ITeamsOutbound teams, IOptions<ThresholdDecisionOptions> options)
{
    /// <summary>Why no thread can be started for the playbook's cases (no panel channel configured), or null.</summary>
    public string? Unconfigured(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return ChannelOf(playbook) is null
            ? $"no panel channel is configured for {playbook.Name} (set ThresholdDecision:Panels:{playbook.Key}:ChannelId)"
            : null;
    }

    /// <summary>Starts the thread, or says in a sentence why it could not.</summary>
    public async Task<(PanelThreadOpened? Thread, string? Failure)> StartAsync(Playbook playbook, string caseCode, JsonObject card, ProcessActor actor, CancellationToken cancellationToken)
    {
        if (ChannelOf(playbook) is not { } channelId)
        {
            return (null, Unconfigured(playbook));
        }

        var started = await teams.StartThreadAsync(channelId, card, $"Threshold decision needed: {caseCode}", cancellationToken).ConfigureAwait(false);
        if (started is not { Posted: { } posted, Address: { } address })
        {
            return (null, started.Failure ?? "Teams did not say where the thread was created");
        }

        return (new PanelThreadOpened(address.ServiceUrl, posted.ChannelId, posted.ThreadId, posted.MessageId, address.TenantId, address.BotId, address.BotName, actor), null);
    }

    private string? ChannelOf(Playbook playbook) =>
        options.Value.Panels.TryGetValue(playbook.Key, out var panel) && !string.IsNullOrWhiteSpace(panel.ChannelId) ? panel.ChannelId : null;

    public Task UpdateAsync(PanelThreadOpened thread, JsonObject card, CancellationToken cancellationToken) =>
        teams.UpdateAsync(CardOf(thread), card, cancellationToken);

    /// <summary>A plain reply in the case's thread (e.g. the decision announced to the channel).</summary>
    public Task ReplyAsync(PanelThreadOpened thread, string text, CancellationToken cancellationToken) =>
        teams.ReplyAsync(CardOf(thread).Thread, text, cancellationToken);

    /// <summary>Where the case's shared card is; the connector address stored beside it is not used.</summary>
    public static ThreadMessage CardOf(PanelThreadOpened thread) => new(thread.ChannelId, thread.ThreadId, thread.MessageId);
}
