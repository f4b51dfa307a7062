using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.Intake.Referrals;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>Builds what the panel cards show from the case as stored.</summary>
public sealed class PanelViews(CaseSchedule schedule, PartnershipDirectory directory, ITeamsOutbound teams, AgencyDirectory agencies)
{
    /// <summary>What the card says of a referring organisation that is not one of the partnership's agencies.</summary>
    public const string NotInDirectory = "not in the agency directory";

    // Longer than any agency's name: not looked up (a row key holds at most 1 KiB).
    private const int LongestAgencyName = 200;

    /// <summary>
    /// The view of a case. For a card answered to one person (<paramref name="viewerTeamsId"/>) the
    /// refresh lists only them: the answer is shown in their client alone. The shared card lists the
    /// voters still to vote.
    /// </summary>
    public async Task<PanelCardView> BuildAsync(Playbook playbook, CaseState panel, CancellationToken cancellationToken, string? viewerTeamsId = null)
    {
        var state = panel;
        var timetable = schedule.Timetable(playbook, state);
        var seats = playbook.Seats.Where(s => s.Votes)
            .Select(s => new SeatLine(s.Key, s.Title, panel.SeatVotes.GetValueOrDefault(s.Key)))
            .ToList();
        var decided = panel.Decision is not null && state.OutcomeKind is not null;
        var nextSteps = decided
            ? timetable.For(state.OutcomeKind).Where(e => e.Rule.AppliesWhen is not null && !e.IsConditional)
                .OrderBy(e => e.DueAt).Take(4).Select(e => new NextStep(e.Name, e.DueAt)).ToList()
            : [];
        var notificationDue = decided && playbook.Deadlines.Any(d => d.CompletedBy == Milestones.NationalPanelNotified && d.AppliesWhen == state.OutcomeKind);
        IReadOnlyList<string>? refreshIds = decided ? []
            : viewerTeamsId is not null ? [viewerTeamsId]
            : await PendingVoterIdsAsync(playbook, panel, cancellationToken).ConfigureAwait(false);
        return new PanelCardView(
            state.CaseCode,
            playbook.Name,
            state.ReferralKind,
            panel.Referral is { } referral ? await ChannelSafeAsync(playbook, referral.Summary, cancellationToken).ConfigureAwait(false) : null,
            state.ReceivedAt,
            timetable.Get("decision").DueAt,
            RuleSummary(playbook),
            seats,
            [.. playbook.Outcomes.Select(o => (o.Key, o.Label))],
            [.. playbook.Outcomes.Where(o => o.IsPanelChoice).Select(o => o.Key)],
            decided ? panel.Decision!.OutcomeLabel : null,
            decided ? panel.Decision!.Rationale : null,
            panel.Decision?.DecidedBy,
            state.DecidedAt,
            state.Stage == CaseStage.Escalated ? panel.Escalation : null,
            nextSteps,
            notificationDue,
            state.NotifiedAt,
            refreshIds,
            Meeting(playbook, state),
            state.Submission is { } submitted ? TeamsReviewBot.Workflows.Submission.SubmissionViews.Sent(submitted) : null);
    }

    private static MeetingLine? Meeting(Playbook playbook, CaseState state) =>
        state.MeetingAt is null && state.MeetingCancellations == 0
            ? null
            : new MeetingLine(
                Process.Meetings.MeetingInvitation.MeetingName(playbook),
                state.MeetingAt,
                state.MeetingJoinUrl,
                state.MeetingCancellations > 0,
                state.MeetingAt is null ? null : Cards.MeetingAnswerFacts.For(state, playbook.Meeting.QuorumPartners));

    /// <summary>
    /// The summary as a channel may show it: the incident category from the closed list and the
    /// referring organisation only under the name the agency directory gives it. Whatever a form or
    /// a person typed there stays off the card.
    /// </summary>
    private async Task<ReferralSummary> ChannelSafeAsync(Playbook playbook, ReferralSummary summary, CancellationToken cancellationToken)
    {
        var organisation = summary.ReferringOrganisation?.Trim();
        // The directory is the deployment's own partnership's; another partnership's case has none here.
        var hasDirectory = string.Equals(agencies.PartnershipKey, playbook.Key, StringComparison.OrdinalIgnoreCase);
        var known = !hasDirectory || string.IsNullOrEmpty(organisation) || organisation.Length > LongestAgencyName
            ? null
            : await agencies.FindAsync(organisation, cancellationToken).ConfigureAwait(false);
        return summary with
        {
            IncidentCategory = IncidentCategories.Closed(summary.IncidentCategory),
            ReferringOrganisation = known?.Name ?? NotInDirectory,
        };
    }

    /// <summary>
    /// The Teams ids (29:…) of the people who hold a seat that has not voted, for refresh.userIds.
    /// Teams ids are known from each person's personal chat with the bot. When any pending voter's
    /// id is unknown the list is left out, and Teams refreshes for every member of the channel
    /// (it does so for channels of up to 60 members; see docs/teams-behaviour.md).
    /// </summary>
    private async Task<IReadOnlyList<string>?> PendingVoterIdsAsync(Playbook playbook, CaseState panel, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var pendingPartners = playbook.Seats.Where(s => s.Votes && !panel.Votes.ContainsKey(s.Key)).Select(s => s.Partner).ToHashSet(StringComparer.Ordinal);
        foreach (var role in new[] { PartnershipRole.StatutoryLead, PartnershipRole.Deputy, PartnershipRole.BusinessManager, PartnershipRole.IndependentAdviser, PartnershipRole.Chair })
        {
            foreach (var person in directory.WithRole(role))
            {
                var partner = role switch
                {
                    PartnershipRole.StatutoryLead or PartnershipRole.Deputy => SeatResolver.PartnerKey(person.Partner),
                    PartnershipRole.BusinessManager => "business-manager",
                    PartnershipRole.IndependentAdviser => "independent",
                    _ => "practice-review-group",
                };
                if (partner is null || !pendingPartners.Contains(partner))
                {
                    continue;
                }

                if (await teams.TeamsUserIdOfAsync(person.AadObjectId!, cancellationToken).ConfigureAwait(false) is not { } userId)
                {
                    return null;
                }

                ids.Add(userId);
            }
        }

        return ids.Count == 0 ? null : [.. ids.Distinct(StringComparer.Ordinal)];
    }

    private static string RuleSummary(Playbook playbook)
    {
        var rule = playbook.Decision;
        var voting = playbook.Seats.Count(s => s.Votes);
        return rule.Method switch
        {
            DecisionMethod.Unanimous when rule.Dispute is { } dispute => $"The partners must agree (all {voting}); a disagreement goes to the {dispute.Name}.",
            DecisionMethod.Unanimous => $"The votes cast must agree (at least {rule.Quorum} of {voting}).",
            DecisionMethod.MajorityWithQuorum when rule.QuorumDecidesAtOnce => $"{rule.Quorum} agreeing votes of {voting} decide at once; otherwise the majority decides.",
            DecisionMethod.MajorityWithQuorum when rule.MajorityAfterConsultationWith is { } consulted => $"A majority decides once {rule.Quorum} of {voting} have voted; on a disagreement only after consultation with the {playbook.FindSeat(consulted)?.Title ?? consulted}.",
            DecisionMethod.MajorityWithQuorum => $"A majority decides once {rule.Quorum} of {voting} have voted.",
            DecisionMethod.SplitProceeds => $"If the votes split, the case proceeds to {playbook.FindOutcome(rule.ProceedOnSplit!)?.Label ?? rule.ProceedOnSplit}.",
            _ => string.Empty,
        };
    }
}
