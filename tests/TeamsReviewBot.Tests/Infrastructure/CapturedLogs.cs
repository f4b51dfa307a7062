using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>Keeps every log line the bot writes, so tests can check what an operator would read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public bool Contains(string text) => Lines.Any(l => l.Message.Contains(text, StringComparison.Ordinal));

    /// <summary>Every line, for assertion messages.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Lines.Select(l => $"{l.Level} {l.Category}: {l.Message}"));

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.Message)));
    }
}
