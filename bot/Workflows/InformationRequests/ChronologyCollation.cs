using TeamsReviewBot.Documents;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>The merged chronology and what could not be read into it.</summary>
public sealed record CollationResult(StoredFile Document, int Rows, int Returns, IReadOnlyList<string> Unread);

/// <summary>
/// Merges the chronology rows of every Word document the agencies returned into one multi-agency
/// chronology DOCX, stores it, and records it on the case. Each file passes the returns' zip-bomb
/// screen again before it is unpacked (it may have been stored before the screen existed). A file
/// that fails the screen or cannot be read is set aside and named in the result (and so to the
/// business manager) with the reason, and collation goes on without it.
/// </summary>
public sealed partial class ChronologyCollation(
    CaseService cases,
    ReturnFileStore files,
    ILogger<ChronologyCollation> logger)
{
    public static string DocumentId(string caseCode) => $"{caseCode}|multi-agency-chronology";

    public async Task<CollationResult> CollateAsync(string caseCode, string partnershipName, DateOnly today, string reason, CancellationToken cancellationToken)
    {
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        var perAgency = new List<IReadOnlyList<ChronologyRow>>();
        var agencies = new List<string>();
        var unread = new List<string>();
        var returns = 0;
        foreach (var request in book.InOrder)
        {
            var wordFiles = request.Returns.SelectMany(r => r.Attachments)
                .Where(a => a.Accepted && a.StoredAs is not null && AttachmentPolicy.IsWordDocument(a.Name))
                .ToList();
            foreach (var attachment in wordFiles)
            {
                var file = await files.FindAsync(attachment.StoredAs!, cancellationToken).ConfigureAwait(false);
                if (file is null)
                {
                    unread.Add($"{request.Agency.Name}: {attachment.Name} (not found in storage)");
                    continue;
                }

                if (ReplyIntake.ReturnScreen.Refusal(new GraphIntegration.Mail.MailAttachment(attachment.Name, file.ContentType, file.Content.Length, true, file.Content)) is { } refusal)
                {
                    unread.Add($"{request.Agency.Name}: {attachment.Name} ({refusal})");
                    continue;
                }

                try
                {
                    perAgency.Add(ChronologyReader.Read(file.Content, request.Agency.Name));
                    returns++;
                }
                catch (InvalidDataException ex)
                {
                    unread.Add($"{request.Agency.Name}: {attachment.Name} ({ex.Message})");
                }
            }

            if (wordFiles.Count > 0)
            {
                agencies.Add(request.Agency.Name);
            }
        }

        var merged = MultiAgencyChronology.Merge(perAgency);
        var document = new StoredFile(
            DocumentId(caseCode),
            $"{caseCode} - Multi-agency chronology.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            MultiAgencyChronology.Write(caseCode, partnershipName, merged, agencies, today));
        await files.SaveAsync(document, cancellationToken).ConfigureAwait(false);
        await cases.DecideAsync(
            caseCode,
            (_, now) => [RequestJson.Event(RequestEventTypes.ChronologyCollated, new ChronologyCollated(merged.Count, returns, document.Id, reason), now)],
            cancellationToken).ConfigureAwait(false);
        LogCollated(caseCode, merged.Count, returns, unread.Count);
        return new CollationResult(document, merged.Count, returns, unread);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Multi-agency chronology for {CaseCode}: {Rows} entries from {Returns} returned documents, {Unread} unreadable.")]
    private partial void LogCollated(string caseCode, int rows, int returns, int unread);
}
