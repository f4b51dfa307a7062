namespace TeamsReviewBot.Storage;

/// <summary>
/// The key-encryption key that seals each case's data key (<see cref="SealedDetailsStore"/>):
/// Privacy:KeyEncryptionKey, 32 random bytes in base64. In Azure it is a Key Vault secret reached
/// through an App Service Key Vault reference; in development, appsettings.Development.json holds a
/// well-known key, like Azurite's account key, which start-up refuses in any other environment.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The development key's id: never valid outside the Development environment.</summary>
    public const string DevelopmentKeyId = "development";

    /// <summary>The development key itself (appsettings.Development.json): public, so never valid elsewhere.</summary>
    public const string DevelopmentKey = "IfxhRfPEsJD/8Rxac7VO1P5az89sNhFBw9qDUsnTy1A=";

    /// <summary>True when this is the public development key, by id or by value.</summary>
    public bool IsDevelopmentKey => KeyId == DevelopmentKeyId || string.Equals(KeyEncryptionKey?.Trim(), DevelopmentKey, StringComparison.Ordinal);

    public string? KeyEncryptionKey { get; set; }

    /// <summary>Names the key, stored beside each wrapped data key, so a rotated key can be told apart.</summary>
    public string KeyId { get; set; } = "kek-1";

    /// <summary>The key's bytes, or null when it is missing or not 32 bytes of base64 (an unresolved
    /// "@Microsoft.KeyVault(...)" reference is neither).</summary>
    public byte[]? KeyBytes()
    {
        if (string.IsNullOrWhiteSpace(KeyEncryptionKey))
        {
            return null;
        }

        var buffer = new byte[EnvelopeCipher.KeySize + 1];
        return Convert.TryFromBase64String(KeyEncryptionKey.Trim(), buffer, out var written) && written == EnvelopeCipher.KeySize
            ? buffer[..EnvelopeCipher.KeySize]
            : null;
    }
}
