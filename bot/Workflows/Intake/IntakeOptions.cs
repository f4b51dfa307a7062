namespace TeamsReviewBot.Workflows.Intake;

/// <summary>Configuration section "Intake": whose cases this mailbox opens and who the National Panel is.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>The partnership whose mailbox this is, as the case index names it (e.g. "oldham").</summary>
    public string Partnership { get; set; } = string.Empty;

    /// <summary>Case code prefix, e.g. "RR-OLD" for codes such as RR-OLD-2026-0007.</summary>
    public string CaseCodePrefix { get; set; } = string.Empty;

    /// <summary>Addresses (or "@domain" suffixes) the National Panel writes from.</summary>
    public IList<string> NationalPanelSenders { get; } = ["Mailbox.NationalReviewPanel@education.gov.uk"];

    /// <summary>Attachments larger than this are refused unread.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A DOCX whose parts unpack to more than this is refused as a zip bomb.</summary>
    public long MaxUnpackedBytes { get; set; } = 50 * 1024 * 1024;
}
