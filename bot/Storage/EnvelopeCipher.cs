using System.Security.Cryptography;
using System.Text;

namespace TeamsReviewBot.Storage;

/// <summary>
/// AES-256-GCM, the way the sealed details use it: a fresh 96-bit nonce per message, a 128-bit tag,
/// and associated data naming where the ciphertext belongs (so a row copied to another case does
/// not open). The output is nonce ‖ ciphertext ‖ tag. Each case has its own data key, itself sealed
/// with the key-encryption key, so erasing a case is deleting its key.
/// </summary>
public static class EnvelopeCipher
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, string associatedData)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(associatedData));
        return output;
    }

    /// <summary>The plaintext, or <see cref="AuthenticationTagMismatchException"/> when the key, the place or the bytes are not the ones sealed.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes, string associatedData)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is too short to be one.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], plaintext, Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }
}
