using System.Text.Json;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Opens cases through the process core: the playbook gives the case code, Day 0 (with its cut-off)
/// and the timetable with its reminders; intake then adds the referral as read, and later the
/// acknowledgement and any National Panel response date, each once.
/// </summary>
public sealed class ProcessReferralCaseOpener(CaseService cases, IntakePartnership partnership) : IReferralCaseOpener
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<string> ReserveCodeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        cases.ReserveCodeAsync(partnership.Playbook.Key, receivedAt, cancellationToken);

    public async Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var state = await cases.OpenReservedAsync(
            caseCode,
            partnership.Playbook.Key,
            intake.ReferralKind,
            intake.ReceivedAt,
            Actor.System,
            intake.ReferralKind == CaseRules.SeriousIncidentNotification
                ? "Serious Incident Notification received by e-mail at the partnership mailbox."
                : "Referral received by e-mail at the partnership mailbox.",
            cancellationToken).ConfigureAwait(false);
        var added = await AppendOnceAsync(
            caseCode,
            IntakeEventTypes.ReferralReceived,
            intake.InternetMessageId,
            JsonSerializer.Serialize(new { internetMessageId = intake.InternetMessageId, intake }, Json),
            cancellationToken).ConfigureAwait(false);
        return new OpenedCase(state.CaseCode, added);
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
