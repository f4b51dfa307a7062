using System.Globalization;
using TeamsReviewBot.Process.Calendar;

namespace TeamsReviewBot.Hosting;

/// <summary>
/// The bot's clock. In production it is the real clock. For local tests and demos that need a
/// known day (a Monday morning, a bank holiday, the night the clocks change), DevelopmentClock:StartAt
/// starts the clock at that instant and lets it run on; it is refused outside Development, and
/// <see cref="DevelopmentClockGuard"/> refuses it when the bot listens beyond loopback.
/// </summary>
public static class DevelopmentClock
{
    public const string StartAtKey = "DevelopmentClock:StartAt";

    public static IServiceCollection AddBotClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var startAt = configuration[StartAtKey];
        if (string.IsNullOrWhiteSpace(startAt))
        {
            services.AddSingleton(TimeProvider.System);
            return services;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{StartAtKey} is set, but the environment is {environment.EnvironmentName}: a clock that does not tell the real time is only for local testing in Development. Remove the setting.");
        }

        var start = Parse(startAt);
        var clock = new ShiftedTimeProvider(TimeProvider.System, start - TimeProvider.System.GetUtcNow());
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new DevelopmentClockStart(start));
        services.AddHostedService<DevelopmentClockGuard>();
        return services;
    }

    /// <summary>An ISO 8601 instant; without an offset it is London wall-clock time, as partnerships read dates.</summary>
    public static DateTimeOffset Parse(string value)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new InvalidOperationException($"{StartAtKey} is '{value}', which is not a date and time; write it as 2026-11-23T09:30 (London time) or 2026-11-23T09:30:00Z.");
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? WorkingDayCalendar.AtLondon(DateOnly.FromDateTime(parsed), TimeOnly.FromDateTime(parsed))
            : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }
}

/// <summary>Where the development clock was told to start, for the start-up line that says so.</summary>
public sealed record DevelopmentClockStart(DateTimeOffset StartAt);
