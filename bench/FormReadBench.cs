using System.Diagnostics;
using System.Globalization;
using GraphSandbox;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Bench;

/// <summary>
/// "bench/run.sh formread [n]": what reading an emailed referral's Word form costs the bot, alone (no
/// storage, no Graph): the Greater Manchester notification form of the sample referral the mailbox
/// catch-up uses, read n times (default 1,000) in each of five rounds after a warm-up, as intake reads
/// it (every known form tried against the one document). Prints wall and CPU time per read.
/// </summary>
public static class FormReadBench
{
    private const string Sample = "tests/GraphSandbox/samples/gm-notification-form-referral.eml";

    public static void Run(int reads)
    {
        using var eml = File.OpenRead(Sample);
        var (_, attachments) = Rfc822Import.Read(eml, DateTimeOffset.UnixEpoch);
        var docx = attachments
            .Where(a => (a["name"]?.GetValue<string>() ?? string.Empty).EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            .Select(a => Convert.FromBase64String(a["contentBytes"]!.GetValue<string>()))
            .First();
        var first = ReferralFormReader.Read(docx);
        var found = first.Details?.Fields.Count(f => f.Reading != TeamsReviewBot.Process.Intake.FieldReading.NotFound) ?? 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reading a referral's Word form: {docx.Length / 1024.0:F1} KiB, read as {first.Details?.Source ?? "nothing (" + first.RefusalReason + ")"}, {found} fields found; {reads} reads a round, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        for (var i = 0; i < Math.Min(reads, 300); i++)
        {
            ReferralFormReader.Read(docx);
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var round = 1; round <= 5; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < reads; i++)
            {
                ReferralFormReader.Read(docx);
            }

            wall.Stop();
            process.Refresh();
            var cpuPerRead = (process.TotalProcessorTime - cpu).TotalMilliseconds / reads;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {wall.Elapsed.TotalMilliseconds / reads:F2} ms a read, CPU {cpuPerRead:F2} ms a read"));
        }
    }
}
