namespace TeamsReviewBot.Workflows.Intake;

/// <summary>Configuration section "Intake": whose cases this mailbox opens, who the National Panel is, attachment limits.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>The playbook of the partnership whose mailbox this is (e.g. "oldham"); without it,
    /// Partnership:Playbook, or the playbook whose mailbox is Graph:Mailbox. The playbook gives the
    /// case codes, Day 0 and the timetable.</summary>
    public string Partnership { get; set; } = string.Empty;

    /// <summary>Addresses (or "@domain" suffixes) the National Panel writes from.</summary>
    public IList<string> NationalPanelSenders { get; } = ["Mailbox.NationalReviewPanel@education.gov.uk"];

    /// <summary>Attachments larger than this are refused unread.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A DOCX whose parts unpack to more than this is refused as a zip bomb.</summary>
    public long MaxUnpackedBytes { get; set; } = 50 * 1024 * 1024;
}
