using System.Text.Json;

namespace TeamsReviewBot.Tests.Hosting;

/// <summary>
/// The garbage collector and JIT settings the bot is built with travel in its runtimeconfig.json, which
/// the runtime reads wherever the bot runs (docs/memory.md says why each was chosen and what it costs).
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_bot_runs_with_one_workstation_heap_no_background_collector_and_no_PGO_instrumentation()
    {
        // The bot's runtimeconfig.json is copied beside the tests, as the build copies it beside the bot.
        var path = Path.Combine(AppContext.BaseDirectory, "TeamsReviewBot.runtimeconfig.json");
        Assert.True(File.Exists(path), $"The bot's runtime settings were not found at {path}.");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
