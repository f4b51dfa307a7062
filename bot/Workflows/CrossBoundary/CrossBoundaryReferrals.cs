using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.CrossBoundary;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.CrossBoundary;

/// <summary>
/// What follows a cross-boundary referral: the business managers are asked which partnership leads
/// (the playbook's default proposed), and the other partnership is told of the case by code, once,
/// by email from the partnership mailbox, or, with no mailbox configured for it, the business
/// managers are asked to tell it. A durable timer carries it (<see cref="CrossBoundaryPoint"/>),
/// set by the case's follow-up with its other timers from the row the opening append wrote, so a
/// crash or restart repeats it; every step is keyed (the notification id, the mail's once-key, the
/// notice recorded on the case), so a repeat sends nothing twice. Nothing about the child is in any of it.
/// </summary>
public sealed partial class CrossBoundaryReferrals(
    CaseService cases,
    IBusinessManagerNotifier notifier,
    MailSender mail,
    IOptions<MailboxOptions> mailbox,
    IOptions<CrossBoundaryOptions> options,
    ILogger<CrossBoundaryReferrals> logger) : ITimerHandler
{
    public const string TimerKind = CrossBoundaryPoint.TimerKind;

    public string Kind => TimerKind;

    public static string TimerId(string caseCode) => CrossBoundaryPoint.TimerId(caseCode);

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var state = await cases.FindAsync(timer.StreamId, cancellationToken).ConfigureAwait(false);
        if (state is null || !state.IsCrossBoundary)
        {
            return;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        await AskWhoLeadsAsync(state, playbook, cancellationToken).ConfigureAwait(false);
        foreach (var authority in CrossBoundaryRules.OtherAuthorities(state, playbook.CrossBoundary))
        {
            if (!state.CrossBoundaryNotices.ContainsKey(authority))
            {
                await TellAsync(state, playbook, authority, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task AskWhoLeadsAsync(CaseState state, Playbook playbook, CancellationToken cancellationToken)
    {
        var proposed = CrossBoundaryRules.ProposedLead(state, playbook.CrossBoundary);
        var why = playbook.CrossBoundary?.Lead switch
        {
            CrossBoundaryLead.Residence => $"{playbook.Name}'s procedure proposes {proposed}, where the child ordinarily resides.",
            CrossBoundaryLead.Incident => $"{playbook.Name}'s procedure proposes {proposed}, where the incident occurred.",
            _ => $"{playbook.Name}'s procedure does not say who leads: agree it with the other partnership.",
        };
        var message = $"case {state.CaseCode} is cross-boundary: the child ordinarily resides in {state.ResidenceAuthority} and the incident occurred in {state.IncidentAuthority}. Which partnership leads the review? {why} "
            + $"Press a button below or type \"lead {state.CaseCode} ‹local authority›\".";
        var buttons = new[] { state.ResidenceAuthority!, state.IncidentAuthority! }.Select(authority => (JsonNode)new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = CrossBoundaryRule.SameAuthority(authority, proposed) ? $"{authority} leads (proposed)" : $"{authority} leads",
            ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = $"lead {state.CaseCode} {authority}" } },
        });
        var card = AdaptiveCard.Create(
            [
                AdaptiveCard.Heading($"{state.CaseCode}: which partnership leads?"),
                AdaptiveCard.Facts([("Child ordinarily resides in", state.ResidenceAuthority!), ("Incident occurred in", state.IncidentAuthority!)]),
                AdaptiveCard.Text(why, subtle: true),
            ],
            buttons);
        return notifier.NotifyAsync(new BusinessManagerNotification($"{state.CaseCode}:cross-boundary:lead", state.CaseCode, playbook.Key, "cross-boundary", message, card), cancellationToken);
    }

    private async Task TellAsync(CaseState state, Playbook playbook, string authority, CancellationToken cancellationToken)
    {
        if (options.Value.MailboxOf(authority) is not { } to || mailbox.Value.Mailbox is not { Length: > 0 } from)
        {
            await notifier.NotifyAsync(new BusinessManagerNotification(
                $"{state.CaseCode}:cross-boundary:by-hand:{authority}", state.CaseCode, playbook.Key, "cross-boundary",
                $"no mailbox is configured for {authority}'s safeguarding partnership (Partnerships:Mailboxes:{authority}), so I could not tell it of case {state.CaseCode}. "
                + $"Please tell {authority}'s partnership yourself, by the case code only: the child ordinarily resides in {state.ResidenceAuthority} and the incident occurred in {state.IncidentAuthority}."), cancellationToken).ConfigureAwait(false);
            await cases.DecideAsync(state.CaseCode, (current, now) => CrossBoundaryRules.RecordNotice(current, authority, null, null, byHand: true, now), cancellationToken).ConfigureAwait(false);
            LogByHand(state.CaseCode, authority);
            return;
        }

        var notice = CrossBoundaryNotice.For(state, playbook, authority, from, to);
        var sent = await mail.SendAsync(from, notice, CrossBoundaryNotice.OnceKey(state.CaseCode, authority), cancellationToken).ConfigureAwait(false);
        await cases.DecideAsync(state.CaseCode, (current, now) => CrossBoundaryRules.RecordNotice(current, authority, to, sent.InternetMessageId, byHand: false, now), cancellationToken).ConfigureAwait(false);
        LogSent(state.CaseCode, authority);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode} is cross-boundary: {Authority}'s partnership was told by email.")]
    private partial void LogSent(string caseCode, string authority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode} is cross-boundary: no mailbox for {Authority}'s partnership; the business managers were asked to tell it.")]
    private partial void LogByHand(string caseCode, string authority);
}
