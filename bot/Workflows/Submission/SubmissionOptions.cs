namespace TeamsReviewBot.Workflows.Submission;

/// <summary>
/// Submission:PanelAddress overrides the playbook's National Panel address (every playbook gives
/// Mailbox.NationalReviewPanel@education.gov.uk; a test or a rehearsal sends elsewhere);
/// Submission:PanelChair is whom the covering letter is addressed to, Submission:Signature how it is
/// signed and Submission:Contact whom the Panel may contact (defaults: the Panel's Chair, the
/// partnership's business manager, and the partnership mailbox).
/// </summary>
public sealed class SubmissionOptions
{
    public const string SectionName = "Submission";

    public string? PanelAddress { get; set; }

    public string? PanelChair { get; set; }

    public string? Signature { get; set; }

    public string? Contact { get; set; }
}
