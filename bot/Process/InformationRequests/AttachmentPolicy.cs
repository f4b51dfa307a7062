namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// Which attachments on a return are kept as the agency's information: Word, PDF and Excel files
/// no larger than <see cref="MaxBytes"/>, whose first bytes agree with their name (a DOCX or XLSX
/// is a zip, a PDF starts "%PDF"). Anything else is refused with a reason; the email itself is kept.
/// </summary>
public static class AttachmentPolicy
{
    /// <summary>Exchange Online's default message size limit is 35 MB (attachments included), so nothing larger arrives by mail.</summary>
    public const long MaxBytes = 35L * 1024 * 1024;

    /// <summary>A returned DOCX whose parts unpack to more than this is refused as a zip bomb (as referral forms are).</summary>
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "Word document",
        [".pdf"] = "PDF",
        [".xlsx"] = "Excel workbook",
    };

    /// <summary>Null when accepted; otherwise why not, in a sentence.</summary>
    public static string? Refusal(string name, bool isFile, long size, ReadOnlySpan<byte> firstBytes)
    {
        if (!isFile)
        {
            return $"{name} is an attached item or link, not a file; ask the agency to attach the document itself.";
        }

        var extension = Path.GetExtension(name ?? string.Empty);
        if (!Kinds.ContainsKey(extension))
        {
            return $"{name} is not a Word (.docx), PDF or Excel (.xlsx) file.";
        }

        // Size first: an oversized file arrives without its bytes (it is never downloaded).
        if (size > MaxBytes)
        {
            return $"{name} is {size / (1024 * 1024)} MB, over the {MaxBytes / (1024 * 1024)} MB limit.";
        }

        if (size <= 0 || firstBytes.Length == 0)
        {
            return $"{name} is empty.";
        }

        var looksRight = extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase)
            ? firstBytes.StartsWith("%PDF"u8)
            : firstBytes.StartsWith("PK\u0003\u0004"u8);
        return looksRight ? null : $"{name} does not contain what its name says ({Kinds[extension]}); it may be damaged or renamed.";
    }

    public static bool IsWordDocument(string name) => Path.GetExtension(name ?? string.Empty).Equals(".docx", StringComparison.OrdinalIgnoreCase);
}
