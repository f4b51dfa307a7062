using System.Globalization;

namespace TeamsReviewBot.Bench;

/// <summary>
/// The CPU time of another process on this machine, from /proc/pid/stat, and of the Azurite the
/// benchmark runs against (its process id in TEAMSREVIEWBOT_BENCH_AZURITE_PID, set by bench/run.sh).
/// Azurite is one Node.js process serving every table call on one thread: when its CPU time grows by a
/// second per second, storage is what the run waits on, whatever the bot does.
/// </summary>
public static class ProcessCpu
{
    /// <summary>utime + stime of the process so far (fields 14 and 15 of /proc/pid/stat, in clock ticks of 1/100 s).</summary>
    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Azurite's CPU seconds so far, or null when its process is not known or not readable.</summary>
    public static double? AzuriteSeconds()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_BENCH_AZURITE_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            return Seconds(pid);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
