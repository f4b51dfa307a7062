using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Opens cases through the process core: the playbook gives the case code, Day 0 (with its cut-off)
/// and the timetable with its reminders, and the case opens together with the referral as read (one
/// append); the child's details are sealed apart first. Later the acknowledgement and any National
/// Panel response date are added, each once.
/// </summary>
public sealed class ProcessReferralCaseOpener(CaseService cases, IntakePartnership partnership, ReferralVault vault) : IReferralCaseOpener
{
    public Task<string> ReserveCodeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        cases.ReserveCodeAsync(partnership.Playbook.Key, receivedAt, cancellationToken);

    public Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, CancellationToken cancellationToken) =>
        OpenAsync(caseCode, intake, putToPanel: false, cancellationToken);

    /// <summary>Opens the case; with <paramref name="putToPanel"/> it is put to the panel in the same append
    /// (where the threshold decision is taken in Teams: its thread follows from the case's follow-up).</summary>
    public async Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, bool putToPanel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var (received, sealedPart) = Record(intake);
        if (sealedPart is not null)
        {
            // Sealed first: the event that says so is written only once the details are safe.
            await vault.SealAsync(caseCode, sealedPart, cancellationToken).ConfigureAwait(false);
        }

        var (_, opened) = await cases.OpenReservedAsync(
            caseCode,
            partnership.Playbook.Key,
            intake.ReferralKind,
            intake.ReceivedAt,
            Actor.System,
            intake.ReferralKind == CaseRules.SeriousIncidentNotification
                ? "Serious Incident Notification received by e-mail at the partnership mailbox."
                : "Referral received by e-mail at the partnership mailbox.",
            now => [IntakeRules.Event(IntakeEventTypes.ReferralReceived, received, now), .. FactorsTicked(intake, now)],
            putToPanel,
            cancellationToken).ConfigureAwait(false);

        // A case opened before the two were one decision may lack its referral: record it once.
        var added = opened || (await cases.DecideAsync(caseCode, (state, now) => IntakeRules.RecordReferral(state, received, now), cancellationToken).ConfigureAwait(false)).Appended.Count > 0;
        return new OpenedCase(caseCode, added);
    }

    /// <summary>The Case Factors ticked on the form, by the form's labels: the playbook may attach a
    /// deadline to one (Oldham's Brief Learning Review after a child's suicide).</summary>
    private static IEnumerable<NewEvent> FactorsTicked(ReferralIntake intake, DateTimeOffset now)
    {
        var ticked = intake.Details?.TickedFactors.ToList() ?? [];
        if (ticked.Count > 0)
        {
            yield return new NewEvent(CaseEventTypes.CaseFactorsRecorded, CaseJson.Write(new CaseFactorsRecorded(ticked, Actor.System, "Ticked on the referral form.")), now);
        }
    }

    /// <summary>
    /// The ReferralReceived event: the referral with the child's details and free text left out
    /// (sealed apart), the category and age band the panel card shows worked out while they were at
    /// hand, and "sealedAs" naming the sealed record.
    /// </summary>
    private static (ReferralReceived Received, SealedReferral? Sealed) Record(ReferralIntake intake)
    {
        if (intake.Details is not { } details)
        {
            return (new ReferralReceived(intake.InternetMessageId, intake), null);
        }

        var shown = IntakeReferralReading.Read(new ReferralReceived(intake.InternetMessageId, intake), intake.ReceivedAt)!.Summary;
        var (clear, sealedPart) = ReferralSealing.Split(details);
        var received = new ReferralReceived(intake.InternetMessageId, intake with { Details = clear }, SealedReferral.Record, shown.IncidentCategory, shown.AgeBand, details.Value("childResidenceAuthority")?.Trim(), details.Value("incidentAuthority")?.Trim());
        return (received, sealedPart);
    }

    public async Task<bool> WasAcknowledgedAsync(string caseCode, CancellationToken cancellationToken) =>
        (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).ReferrerAcknowledged;

    public Task RecordAcknowledgementAsync(string caseCode, string? internetMessageId, CancellationToken cancellationToken) =>
        cases.DecideAsync(caseCode, (state, now) => IntakeRules.RecordAcknowledgement(state, internetMessageId, now), cancellationToken);

    public async Task RecordPanelResponseDateAsync(string caseCode, DateOnly expected, string internetMessageId, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException($"There is no case {caseCode} to record the National Panel's response date on.");
        }

        var response = new NationalPanelResponseExpected(internetMessageId, expected);
        await cases.DecideAsync(caseCode, (state, now) => IntakeRules.RecordPanelResponseDate(state, response, now), cancellationToken).ConfigureAwait(false);
    }
}
