using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>The bot's background loops (the hosted services registered by factory: the outbound
/// queue, the case follow-up worker, the timer pump's own schedule), for a test that drives them itself.</summary>
public static class BackgroundLoops
{
    /// <summary>Takes them out: the bot answers and then does nothing more until the test says so.</summary>
    public static void TakeOut(IServiceCollection services)
    {
        foreach (var background in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ToList())
        {
            services.Remove(background);
        }
    }
}
