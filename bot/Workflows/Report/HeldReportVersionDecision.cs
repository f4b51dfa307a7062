using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// The answer to the question card about a held report file. "Store" stores it through
/// <see cref="ReportVersionStore"/> as a file attached in chat always is (the thread card, the voiding
/// and the partners asked again follow from the version as they do for any), but only while the case
/// stands as the card described: if another version arrived, answers changed or the case closed, nothing
/// is stored and the card says what changed. "Don't store" deletes the held file. Only the person who
/// attached it may answer; anyone else is refused in a sentence and audited. Pressed again (a double
/// click, a retry, after a restart) it stores nothing more: a version is keyed by its hash.
/// </summary>
public sealed partial class HeldReportVersionDecision(
    HeldReportVersions heldFiles,
    ReportVersionStore versions,
    CaseService cases,
    RefusalAudit audit,
    ILogger<HeldReportVersionDecision> logger)
{
    public async Task<CardActionResult> DecideAsync(string caseCode, string sha256, string choice, Caller who, CardSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(source);
        var actor = CaseActors.From(who);
        if (MailClassifier.CaseCode().Match(caseCode) is not { Success: true } code || code.Value != caseCode || cases.Playbooks.ForCaseCode(caseCode) is null)
        {
            return CardActionResult.Message("This card does not name a case I know; nothing was stored.");
        }

        if (await heldFiles.FindAsync(caseCode, sha256, cancellationToken).ConfigureAwait(false) is not { } held)
        {
            return await NothingHeldAsync(caseCode, sha256, choice, cancellationToken).ConfigureAwait(false);
        }

        if (!string.Equals(held.AttachedByObjectId, actor.ObjectId, StringComparison.Ordinal))
        {
            await audit.RecordAsync("card:" + HeldReportVersionCard.Verb, who, source.ConversationId, source.CardMessageId, $"answered the question about a report file for {caseCode} attached by someone else", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message("Only the person who attached this file can store it or let it go, so nothing was changed. This attempt is recorded.");
        }

        return choice switch
        {
            HeldReportVersionCard.Store => await StoreAsync(held, actor, cancellationToken).ConfigureAwait(false),
            HeldReportVersionCard.Discard => await DiscardAsync(held, cancellationToken).ConfigureAwait(false),
            _ => CardActionResult.Message("Please choose to store the file or not; nothing was changed."),
        };
    }

    private async Task<CardActionResult> StoreAsync(HeldReportVersion held, Actor actor, CancellationToken cancellationToken)
    {
        var caseCode = held.CaseCode;
        var draft = new ReportDraft(caseCode, $"{caseCode} - Rapid Review report.docx", held.Content, held.Sha256);
        ReportVersion version;
        try
        {
            version = await versions.AddAsync(draft, ReportVersionSources.Chat, actor, $"Attached in a personal chat by {held.AttachedByName}, and stored when they confirmed it voids what was given on version {held.Voids.OverVersion}.", cancellationToken, held.Voids).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            await heldFiles.ReleaseAsync(caseCode, held.Sha256, cancellationToken).ConfigureAwait(false);
            return CardActionResult.Card(HeldReportVersionCard.Outcome(caseCode, "Not stored", $"{ex.Message} Nothing was stored and the file I held is deleted; attach it again with the case code if it should still become the next version, and I will say what it would void now."));
        }

        await heldFiles.ReleaseAsync(caseCode, held.Sha256, cancellationToken).ConfigureAwait(false);
        LogStored(caseCode, version.Number);
        return CardActionResult.Card(HeldReportVersionCard.Outcome(caseCode, $"Stored as version {version.Number}", await StoredSentenceAsync(caseCode, version, cancellationToken).ConfigureAwait(false)));
    }

    private async Task<CardActionResult> DiscardAsync(HeldReportVersion held, CancellationToken cancellationToken)
    {
        await heldFiles.ReleaseAsync(held.CaseCode, held.Sha256, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Card(HeldReportVersionCard.Outcome(held.CaseCode, "Not stored", $"Nothing was stored: the report for {held.CaseCode} stays at version {held.Voids.OverVersion}, and the answers given on it stand. The file I held is deleted."));
    }

    /// <summary>No file held: stored by an earlier press, let go, or kept past its time.</summary>
    private async Task<CardActionResult> NothingHeldAsync(string caseCode, string sha256, string choice, CancellationToken cancellationToken)
    {
        if (choice == HeldReportVersionCard.Store
            && await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false) is { } state
            && state.ReportVersions.LastOrDefault(v => v.Sha256 == sha256) is { } stored)
        {
            return CardActionResult.Card(HeldReportVersionCard.Outcome(caseCode, $"Stored as version {stored.Number}", await StoredSentenceAsync(caseCode, stored, cancellationToken).ConfigureAwait(false)));
        }

        return CardActionResult.Card(HeldReportVersionCard.Outcome(caseCode, "Not stored", $"I no longer hold this file (you chose not to store it, or it waited longer than {HeldReportVersions.HoldFor.Days} days), so nothing was stored. Attach it again with the case code if it should become the next version."));
    }

    private async Task<string> StoredSentenceAsync(string caseCode, ReportVersion version, CancellationToken cancellationToken)
    {
        var state = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        return ReportVersionStoredReply.Sentence(state, version, cases.Playbooks.Get(state.Partnership));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report version {Version} for {CaseCode} stored from a personal chat once its sender confirmed it.")]
    private partial void LogStored(string caseCode, int version);
}
