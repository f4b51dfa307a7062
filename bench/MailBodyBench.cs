using System.Globalization;
using System.Text.Json;
using Microsoft.Graph.Models;
using TeamsReviewBot.GraphIntegration.Client;
using TeamsReviewBot.GraphIntegration.Mail;

namespace TeamsReviewBot.Bench;

/// <summary>
/// "bench/run.sh mailbody [n]": what writing the request that creates a draft with a file costs the
/// bot: <see cref="MailSender.Draft"/>, the Graph SDK's <see cref="Message"/> holding a
/// <see cref="FileAttachment"/>, serialised as <c>Messages.PostAsync</c> serialises it, beside a
/// reference: the same file alone written as base64 JSON by System.Text.Json into a MemoryStream. The
/// SDK's models keep their properties in a change-tracking store that treats a <c>byte[]</c> as a list
/// (docs/graph-behaviour.md); this shows what that costs a sent file. A 1 MiB file, as a report draft
/// or a meeting's papers run to; n requests (default 50) each way in each of five rounds, taking
/// turns, after a warm-up. Nothing is sent. Prints CPU time and bytes allocated per request.
/// </summary>
public static class MailBodyBench
{
    private const string Mailbox = "partnership@council.example";

    public static void Run(int requests)
    {
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = "http://127.0.0.1:9/v1.0" }, TimeProvider.System);
        var file = Enumerable.Range(0, 1024 * 1024).Select(i => (byte)(i * 7 % 256)).ToArray();
        var mail = new OutboundMail(["chair@partnership.example"], "Rapid Review RR-BEN-2026-0001: draft report, version 1", "The draft is attached.", Attachments: [new OutboundAttachment("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file)]);
        Action sdk = () => Length(graph.Users[Mailbox].Messages.ToPostRequestInformation(MailSender.Draft(mail, "<bench@partnership.example>")).Content);
        Action reference = () =>
        {
            using var body = new MemoryStream();
            using (var json = new Utf8JsonWriter(body))
            {
                json.WriteStartObject();
                json.WriteBase64String("contentBytes", file);
                json.WriteEndObject();
            }

            body.Position = 0;
            Length(body);
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Writing a draft's request with a {file.Length / 1024} KiB file: {requests} requests each way a round, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        for (var i = 0; i < 5; i++)
        {
            sdk();
            reference();
        }

        for (var round = 1; round <= 5; round++)
        {
            var (sdkCpu, sdkBytes) = Measure(sdk, requests);
            var (referenceCpu, referenceBytes) = Measure(reference, requests);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: the Graph SDK's model {sdkCpu:F2} ms CPU, {sdkBytes / 1048576.0:F1} MiB allocated a request; the file alone by System.Text.Json {referenceCpu:F2} ms CPU, {referenceBytes / 1048576.0:F1} MiB allocated"));
        }
    }

    private static (double CpuMs, double Bytes) Measure(Action write, int requests)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < requests; i++)
        {
            write();
        }

        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalMilliseconds / requests, (double)bytes / requests);
    }

    /// <summary>Reads the written body to its end and lets it go, as the HTTP client does once it is sent
    /// (Kiota writes into pooled buffers, handed back when the stream is disposed).</summary>
    private static void Length(Stream? content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using (content)
        {
            content.CopyTo(Stream.Null);
        }
    }
}
