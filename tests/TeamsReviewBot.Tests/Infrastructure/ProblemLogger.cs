using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>Keeps every warning or error logged (a timer handler that threw, a timer nobody serves)
/// in a list a test asserts is empty.</summary>
internal sealed class ProblemLogger<T>(List<string> problems) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            lock (problems)
            {
                problems.Add(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
            }
        }
    }
}
