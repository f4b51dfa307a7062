using System.Text.Json;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake.Referrals;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Opens cases through the process core: the playbook gives the case code, Day 0 (with its cut-off)
/// and the timetable with its reminders, and the case opens together with the referral as read (one
/// append); the child's details are sealed apart first. Later the acknowledgement and any National
/// Panel response date are added, each once.
/// </summary>
public sealed class ProcessReferralCaseOpener(CaseService cases, IntakePartnership partnership, ReferralVault vault) : IReferralCaseOpener
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<string> ReserveCodeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        cases.ReserveCodeAsync(partnership.Playbook.Key, receivedAt, cancellationToken);

    public async Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var referral = Record(intake);
        if (referral.Sealed is not null)
        {
            // Sealed first: the event that says so is written only once the details are safe.
            await vault.SealAsync(caseCode, referral.Sealed, cancellationToken).ConfigureAwait(false);
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
            now => [new NewEvent(IntakeEventTypes.ReferralReceived, referral.Json, now), .. FactorsTicked(intake, now)],
            cancellationToken).ConfigureAwait(false);

        // A case opened before the two were one decision may lack its referral: record it once.
        var added = opened || await AppendOnceAsync(caseCode, IntakeEventTypes.ReferralReceived, intake.InternetMessageId, referral.Json, cancellationToken).ConfigureAwait(false);
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
    private static (string Json, SealedReferral? Sealed) Record(ReferralIntake intake)
    {
        if (intake.Details is not { } details)
        {
            return (JsonSerializer.Serialize(new { internetMessageId = intake.InternetMessageId, intake }, Json), null);
        }

        var shown = IntakeReferralReading.Read(JsonSerializer.Serialize(new { intake }, Json), intake.ReceivedAt)!.Summary;
        var (clear, sealedPart) = ReferralSealing.Split(details);
        var json = JsonSerializer.Serialize(
            new
            {
                internetMessageId = intake.InternetMessageId,
                intake = intake with { Details = clear },
                sealedAs = SealedReferral.Record,
                incidentCategory = shown.IncidentCategory,
                ageBand = shown.AgeBand,
            },
            Json);
        return (json, sealedPart);
    }

    public async Task<bool> WasAcknowledgedAsync(string caseCode, CancellationToken cancellationToken) =>
        (await cases.HistoryAsync(caseCode, cancellationToken).ConfigureAwait(false)).Any(e => e.Type == IntakeEventTypes.ReferrerAcknowledged);

    public Task RecordAcknowledgementAsync(string caseCode, string? internetMessageId, CancellationToken cancellationToken) =>
        AppendOnceAsync(caseCode, IntakeEventTypes.ReferrerAcknowledged, null, JsonSerializer.Serialize(new { internetMessageId }, Json), cancellationToken);

    public async Task RecordPanelResponseDateAsync(string caseCode, DateOnly expected, string internetMessageId, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException($"There is no case {caseCode} to record the National Panel's response date on.");
        }

        await AppendOnceAsync(
            caseCode,
            IntakeEventTypes.NationalPanelResponseExpected,
            internetMessageId,
            JsonSerializer.Serialize(new { internetMessageId, expectedResponseDate = expected }, Json),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends the event unless the stream already has one of its type (for the same message, when given).</summary>
    private async Task<bool> AppendOnceAsync(string caseCode, string type, string? internetMessageId, string data, CancellationToken cancellationToken)
    {
        var history = await cases.HistoryAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (history.Any(e => e.Type == type && (internetMessageId is null || Mentions(e.Data, internetMessageId))))
        {
            return false;
        }

        await cases.ExecuteAsync(caseCode, (_, _, now) => [new NewEvent(type, data, now)], cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static bool Mentions(string json, string internetMessageId)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("internetMessageId", out var id) && id.GetString() == internetMessageId;
    }
}
