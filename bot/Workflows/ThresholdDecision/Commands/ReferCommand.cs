using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Teams.Identity;

namespace TeamsReviewBot.Workflows.ThresholdDecision.Commands;

/// <summary>"refer": a business manager gets the referral form to open a case by hand.</summary>
public sealed class ReferCommand(PlaybookCatalogue playbooks, PartnershipDirectory directory, IOptions<ThresholdDecisionOptions> options, TimeProvider time) : IChatCommand
{
    public string Name => "refer";

    public string Usage => "refer";

    public string Summary => "Open a case from a referral by hand: fill in the form (best in your personal chat with me) and the case goes to the panel.";

    public Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var sender = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);
        if (!sender.Holds(PartnershipRole.BusinessManager))
        {
            return Task.FromResult(CommandReply.Message("Only a business manager can open a case; nothing was done."));
        }

        var card = ReferralFormCard.Build(
            [.. playbooks.All.Select(p => (p.Key, p.Name))],
            options.Value.DefaultPartnership,
            Guid.NewGuid().ToString("N"),
            WorkingDayCalendar.LondonDate(time.GetUtcNow()));
        return Task.FromResult(CommandReply.WithCard(card, "Fill in the referral: the child's details stay out of the channel."));
    }
}
