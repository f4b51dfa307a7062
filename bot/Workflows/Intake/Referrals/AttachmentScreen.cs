using System.Globalization;
using System.IO.Compression;
using TeamsReviewBot.GraphIntegration.Mail;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// Decides whether an attachment may be opened as a referral form, before any XML is parsed:
/// size first, then the file's own bytes (not its name): an OLE compound file is a password-protected
/// document or an old .doc, a DOCX is a zip whose parts are unpacked under a byte budget (zip bombs
/// stop at the budget), and a macro-enabled document is refused.
/// </summary>
public sealed class AttachmentScreen(long maxAttachmentBytes, long maxUnpackedBytes)
{
    private const int MaxEntries = 2000;
    private const double MaxRatio = 200;
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PdfMagic = "%PDF"u8.ToArray();

    /// <summary>Null when the file is a DOCX that is safe to open; otherwise why not.</summary>
    public string? Refusal(MailAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var name = attachment.Name;
        var bytes = attachment.Content.Span;
        if (!attachment.IsFile)
        {
            return $"{Describe(name)} is an attached item or link, not a file.";
        }

        var size = Math.Max(attachment.Size, bytes.Length);
        if (size > maxAttachmentBytes)
        {
            return $"{Describe(name)} is {Megabytes(size)}; files over {Megabytes(maxAttachmentBytes)} are not opened.";
        }

        if (bytes.StartsWith(OleMagic))
        {
            return name.EndsWith(".doc", StringComparison.OrdinalIgnoreCase)
                ? $"{Describe(name)} is an old Word 97-2003 .doc; please send the form as .docx."
                : $"{Describe(name)} is password-protected or encrypted, so it cannot be read; please send it without a password.";
        }

        if (bytes.StartsWith(PdfMagic))
        {
            return $"{Describe(name)} is a PDF, not a Word .docx form.";
        }

        if (!bytes.StartsWith(ZipMagic))
        {
            return $"{Describe(name)} is not a Word .docx file (its content is not a .docx package).";
        }

        if (name.EndsWith(".docm", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dotm", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Describe(name)} is a macro-enabled Word file; macro-enabled files are not opened.";
        }

        return ZipRefusal(name, attachment.Content);
    }

    private string? ZipRefusal(string name, ReadOnlyMemory<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(ReadOnlyStream(content), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                return $"{Describe(name)} has {archive.Entries.Count} parts, far more than a form; refused as a possible zip bomb.";
            }

            var hasDocument = false;
            long unpacked = 0;
            // One scratch buffer for every part, borrowed: unpacking only counts bytes, so what it held does not matter.
            var scratch = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                foreach (var entry in archive.Entries)
                {
                    if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"{Describe(name)} contains macros (vbaProject.bin); macro-enabled files are not opened.";
                    }

                    if (entry.CompressedLength > 0 && entry.Length > 1024 * 1024 && (double)entry.Length / entry.CompressedLength > MaxRatio)
                    {
                        return $"{Describe(name)} unpacks {MaxRatio:0}× larger than its size; refused as a possible zip bomb.";
                    }

                    // Declared sizes can lie: count what actually comes out, and stop at the budget.
                    unpacked += CountUnpacked(entry, maxUnpackedBytes - unpacked, scratch);
                    if (unpacked > maxUnpackedBytes)
                    {
                        return $"{Describe(name)} unpacks to more than {Megabytes(maxUnpackedBytes)}; refused as a possible zip bomb.";
                    }

                    if (entry.FullName == "[Content_Types].xml" && ContentTypesMentionMacros(entry))
                    {
                        return $"{Describe(name)} is a macro-enabled Word file; macro-enabled files are not opened.";
                    }

                    hasDocument |= entry.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase);
                }

                return hasDocument ? null : $"{Describe(name)} is a zip file but not a Word document (it has no word/document.xml).";
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(scratch);
            }
        }
        catch (InvalidDataException)
        {
            return $"{Describe(name)} is damaged: its .docx package cannot be unpacked.";
        }
    }

    /// <summary>Unpacks an entry into nothing, counting bytes; stops one byte past <paramref name="budget"/>.</summary>
    private static long CountUnpacked(ZipArchiveEntry entry, long budget, byte[] buffer)
    {
        using var stream = entry.Open();
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > budget)
            {
                return total;
            }
        }

        return total;
    }

    /// <summary>The bytes as a stream, without a copy when they sit in an array of their own (as Graph's content does).</summary>
    internal static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static bool ContentTypesMentionMacros(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        var text = reader.ReadToEnd();
        return text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || text.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"The attached .docx file": file names can carry the child's name, so reasons never quote them.</summary>
    public static string Describe(string fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty);
        return extension.Length is > 1 and <= 6 ? $"The attached {extension.ToLowerInvariant()} file" : "The attached file";
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
