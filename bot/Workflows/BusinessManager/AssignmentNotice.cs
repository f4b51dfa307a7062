using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.BusinessManager;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>Which assignment a notice is about.</summary>
public sealed record AssignmentNoticePayload(string CaseCode, string Role, string AadObjectId);

/// <summary>
/// Tells the person given a case's role, in their personal chat. The notice is a durable timer set
/// before the assignment is appended (so a crash between the two loses nothing) and sent at once by
/// the command; the timer, due a minute later, sends it only if the command did not. A claim keyed on
/// the timer makes it go once, and a notice for an assignment that never landed, or was replaced
/// since, is not sent.
/// </summary>
public sealed class AssignmentNotice(CaseService cases, DurableTimerStore timers, IdempotencyStore once, IPersonalChat chats, TimeProvider time) : ITimerHandler
{
    public const string TimerKind = "assignment-notice";
    private const string Scope = "assignment-notice";

    public string Kind => TimerKind;

    public DurableTimerStore Timers => timers;

    public DurableTimer Plan(AssignmentNoticePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new DurableTimer($"{payload.CaseCode}:assigned:{Guid.NewGuid():N}", TimerKind, payload.CaseCode, time.GetUtcNow().AddMinutes(1), JsonSerializer.Serialize(payload));
    }

    /// <summary>Sends the notice now, from the command, and takes the timer down; null when delivered
    /// (or nothing to send), else why not.</summary>
    public async Task<string?> SendNowAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var failure = await SendAsync(timer, cancellationToken).ConfigureAwait(false);
        await timers.CancelAsync(timer.StreamId, timer.Id, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken) => SendAsync(timer, cancellationToken);

    private async Task<string?> SendAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var payload = JsonSerializer.Deserialize<AssignmentNoticePayload>(timer.Payload)!;
        var state = await cases.FindAsync(payload.CaseCode, cancellationToken).ConfigureAwait(false);
        if (state?.Assignments.GetValueOrDefault(payload.Role) is not { } held
            || !string.Equals(held.AadObjectId, payload.AadObjectId, StringComparison.OrdinalIgnoreCase)
            || !await once.TryClaimAsync(Scope, timer.Id, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var card = AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"You are the {CaseRoles.Describe(payload.Role)} of case {state.CaseCode}"),
                AdaptiveCard.Text($"{held.AssignedBy} assigned you on {BritishDates.DateAndTime(held.At)} ({playbook.Name})."),
                AdaptiveCard.Text($"Type \"case {state.CaseCode}\" to see where it stands.", subtle: true),
            ],
            [new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = "Show the case",
                ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = $"case {state.CaseCode}" } },
            }]);
        return await chats.SendCardAsync(payload.AadObjectId, card, cancellationToken).ConfigureAwait(false);
    }
}
