using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.ThresholdDecision.Commands;

/// <summary>"refer": a business manager gets the referral form to open a case by hand.</summary>
public sealed class ReferCommand(PlaybookCatalogue playbooks, IOptions<ThresholdDecisionOptions> options, TimeProvider time) : IChatCommand
{
    public string Name => "refer";

    public string Usage => "refer";

    public string Summary => "Open a case from a referral by hand: fill in the form in your personal chat with me and the case goes to the panel.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers(
        "Only a business manager can open a case; nothing was done.", "the form asks for the child's name, date of birth and address");

    public Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var card = ReferralFormCard.Build(
            [.. playbooks.All.Select(p => (p.Key, p.Name))],
            options.Value.DefaultPartnership,
            Guid.NewGuid().ToString("N"),
            WorkingDayCalendar.LondonDate(time.GetUtcNow()));
        return Task.FromResult(CommandReply.WithCard(card, "Fill in the referral: the child's details stay out of the channel."));
    }
}
