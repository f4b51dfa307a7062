using Microsoft.Graph;
using Microsoft.Graph.Models;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Hosting.Memory;

/// <summary>
/// The build trims Microsoft.Graph.dll to what its output uses (Directory.Build.targets, docs/memory.md,
/// "Microsoft.Graph trimmed to what the bot uses"): 48 MB of models and request builders of which the bot
/// uses a few hundred types, and of which about 12 MiB stayed resident. These tests run on the trimmed
/// file, so every Graph test in the suite proves the trimmed SDK still does the bot's work; this one
/// proves the file is the trimmed one, in the tests' output and in the bot's.
/// </summary>
public sealed class GraphSdkTrimmingTests
{
    // The package's file is about 48 MB; trimmed to the bot's and the tests' use it is about 5 MB.
    private const long MostATrimmedFileWeighs = 12 * 1024 * 1024;

    [Fact]
    public void The_Graph_SDK_the_tests_run_on_keeps_what_the_bot_uses_and_not_the_rest_of_Graph()
    {
        var file = new FileInfo(typeof(GraphServiceClient).Assembly.Location);

        Assert.True(file.Length < MostATrimmedFileWeighs, $"{file.FullName} is {file.Length:N0} bytes: the untrimmed package's file, not the trimmed one.");
        Assert.NotNull(typeof(Message).GetMethod(nameof(Message.GetFieldDeserializers)));
        // The request builder of Graph's /solutions (Bookings and the like): part of the package, called
        // nowhere in the bot or its tests. The name is put together at run time: the trimmer keeps a
        // type named by a constant string in a GetType call.
        var unused = string.Join('.', "Microsoft", "Graph", "Solutions", "SolutionsRequestBuilder");
        Assert.Null(typeof(GraphServiceClient).Assembly.GetType(unused));
    }

    [Fact]
    public void The_bot_s_own_build_output_carries_the_trimmed_Graph_SDK()
    {
        // The tests' own output is bin/<configuration>/<framework>/; the bot's is built beside it alike.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var botGraph = new FileInfo(Path.Combine(RepositoryRoot.Folder, "bot", "bin", framework.Parent!.Name, framework.Name, "Microsoft.Graph.dll"));

        Assert.True(botGraph.Exists, $"The bot's build output was not found at {botGraph.FullName}.");
        Assert.True(botGraph.Length < MostATrimmedFileWeighs, $"{botGraph.FullName} is {botGraph.Length:N0} bytes: the untrimmed package's file, not the trimmed one.");
    }
}
