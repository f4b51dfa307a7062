using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// A reminder about a step a seat owns (Gloucestershire's Independent Chair and the key event
/// chronology, seed-004 L129) goes to the people in that seat in their personal chat, once per timer
/// and person, so a timer that fires twice or a retry after a crash sends nothing twice. It answers
/// whom it could not reach, for the business managers to hear instead. Case code and step only.
/// </summary>
public sealed class StepOwnerReminders(PartnershipDirectory directory, IPersonalChat chats, IdempotencyStore once)
{
    private const string SentScope = "step-owner-reminder";

    /// <summary>Reminds the owner's people; returns the reasons it could not reach anyone (empty when it did).</summary>
    public async Task<IReadOnlyList<string>> RemindAsync(Playbook playbook, string caseCode, CaseDeadlineTimer timer, string timerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(timer);
        var rule = playbook.FindDeadline(timer.Deadline);
        if (rule?.Owner is not { } owner || playbook.FindSeat(owner) is not { } seat)
        {
            return ["the step has no owner"];
        }

        var people = SeatHolders.For(directory, seat);
        if (people.Count == 0)
        {
            return [$"no one is configured as the {seat.Title}"];
        }

        var card = AdaptiveCard.Create(
        [
            AdaptiveCard.Heading($"Reminder: {caseCode}"),
            AdaptiveCard.Text($"Case {caseCode}: '{timer.DeadlineName}' is due by {BritishDates.DateAndTime(timer.DueAt)}. "
                + $"When it is done, type \"done {caseCode} {rule.Key}\" here (a note may follow), or ask the business manager to."),
        ]);
        var failures = new List<string>();
        var reached = 0;
        foreach (var person in people)
        {
            var key = timerId + ":" + person.AadObjectId;
            if (await once.WasClaimedAsync(SentScope, key, cancellationToken).ConfigureAwait(false))
            {
                reached++;
                continue;
            }

            if (await chats.SendCardAsync(person.AadObjectId!, card, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                failures.Add($"{person.Name ?? "the " + seat.Title}: {failure}");
            }
            else
            {
                reached++;
                await once.TryClaimAsync(SentScope, key, cancellationToken).ConfigureAwait(false);
            }
        }

        return reached > 0 ? [] : failures;
    }
}
