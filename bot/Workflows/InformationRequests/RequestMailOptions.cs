namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// How request letters are signed and who agencies may call: InformationRequests:Signature and
/// InformationRequests:Contact (defaults name the partnership's business unit and its mailbox).
/// </summary>
public sealed class RequestMailOptions
{
    public const string SectionName = "InformationRequests";

    public string? Signature { get; set; }

    public string? Contact { get; set; }
}
