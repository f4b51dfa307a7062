using System.Globalization;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Who this running process is, in the claims it writes on rows every instance shares (a case's
/// follow-up row). Stable for the life of the process, different for the next one: App Service's
/// instance id (WEBSITE_INSTANCE_ID, the same for every process on that worker) when present, else
/// the machine's name, then the process id and start time. Not a secret: it only says whose claim a row carries.
/// </summary>
public sealed record InstanceIdentity(string Id)
{
    public static InstanceIdentity ThisProcess { get; } = new(Describe());

    private static string Describe()
    {
        var host = Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") is { Length: > 0 } instance ? instance : Environment.MachineName;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var started = process.StartTime.ToUniversalTime().ToString("yyyyMMddTHHmmss.fff", CultureInfo.InvariantCulture);
        return $"{host}:{Environment.ProcessId}:{started}";
    }
}
