using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TeamsReviewBot.GraphIntegration.Notifications;

/// <summary>Reads webhook bodies and checks clientState.</summary>
public static class NotificationPayload
{
    /// <summary>Parses a webhook body; throws <see cref="FormatException"/> for anything not shaped like one.</summary>
    public static IReadOnlyList<ChangeNotification> Parse(string json)
    {
        try
        {
            var batch = JsonSerializer.Deserialize<ChangeNotificationBatch>(json);
            return batch?.Value ?? throw new FormatException("The body has no \"value\" array.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The body is not a Graph notification: " + ex.Message, ex);
        }
    }

    /// <summary>Compares in constant time so the secret cannot be guessed from response timings.</summary>
    public static bool ClientStateMatches(string expected, string? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
    }
}
