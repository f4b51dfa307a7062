using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Opens a case by writing the referral as the first event of the case's stream (stream id = case
/// code) and adding the case to the index. The referral's details live only in that event.
/// </summary>
public sealed class StreamReferralCaseOpener(
    ICaseEventStore events,
    CaseCodeAllocator codes,
    CaseIndexStore index,
    IOptions<IntakeOptions> options,
    TimeProvider time) : IReferralCaseOpener
{
    public const string ReferralReceivedStage = "Referral received";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly AggregateStore<IntakeCaseState> _cases = new(events, new IntakeCaseFold());

    public Task<string> ReserveCodeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var prefix = options.Value.CaseCodePrefix;
        if (string.IsNullOrWhiteSpace(prefix) || string.IsNullOrWhiteSpace(options.Value.Partnership))
        {
            throw new InvalidOperationException("Intake: set Intake:Partnership and Intake:CaseCodePrefix (e.g. RR-OLD) to open cases.");
        }

        return codes.NextAsync(prefix, TimeZoneInfo.ConvertTime(receivedAt, London).Year, cancellationToken);
    }

    public async Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var outcome = await _cases.ExecuteAsync(
            caseCode,
            state => state.Opened
                ? []
                : [new NewEvent(IntakeCaseFold.ReferralReceived, JsonSerializer.Serialize(new { caseCode, partnership = options.Value.Partnership, intake }, Json), time.GetUtcNow())],
            cancellationToken).ConfigureAwait(false);
        await index.RecordAsync(
            new CaseIndexEntry(caseCode, options.Value.Partnership, ReferralReceivedStage, null, null, intake.ReceivedAt, outcome.Current.Version),
            cancellationToken).ConfigureAwait(false);
        return new OpenedCase(caseCode, outcome.Appended.Count > 0);
    }

    public async Task<bool> WasAcknowledgedAsync(string caseCode, CancellationToken cancellationToken) =>
        (await _cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).State.Acknowledged;

    public Task RecordAcknowledgementAsync(string caseCode, string? internetMessageId, CancellationToken cancellationToken) =>
        _cases.ExecuteAsync(
            caseCode,
            state => state.Acknowledged
                ? []
                : [new NewEvent(IntakeCaseFold.ReferrerAcknowledged, JsonSerializer.Serialize(new { internetMessageId }, Json), time.GetUtcNow())],
            cancellationToken);

    public async Task RecordPanelResponseDateAsync(string caseCode, DateOnly expected, string internetMessageId, CancellationToken cancellationToken)
    {
        var current = await _cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!current.State.Opened)
        {
            throw new InvalidOperationException($"There is no case {caseCode} to record the National Panel's response date on.");
        }

        await _cases.ExecuteAsync(
            caseCode,
            state => state.PanelEmails.Contains(internetMessageId)
                ? []
                : [new NewEvent(IntakeCaseFold.NationalPanelResponseExpected, JsonSerializer.Serialize(new { internetMessageId, expectedResponseDate = expected }, Json), time.GetUtcNow())],
            cancellationToken).ConfigureAwait(false);
    }
}
