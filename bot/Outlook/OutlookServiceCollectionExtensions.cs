using TeamsReviewBot.Teams.Auth;

namespace TeamsReviewBot.Outlook;

public static class OutlookServiceCollectionExtensions
{
    /// <summary>The Outlook add-in: its token check, the state reader and the actions it offers.</summary>
    public static IServiceCollection AddOutlookAddIn(this IServiceCollection services, IConfiguration configuration)
    {
        var outlook = new OutlookOptions();
        configuration.GetSection(OutlookOptions.SectionName).Bind(outlook);
        services.AddOptions<OutlookOptions>().Bind(configuration.GetSection(OutlookOptions.SectionName));
        var bot = configuration.GetSection(BotAuthOptions.SectionName).Get<BotAuthOptions>() ?? new BotAuthOptions();
        OutlookAuthentication.Add(services, bot, outlook);
        services.AddSingleton<OutlookMailDecisions>();
        services.AddSingleton<OutlookAudit>();
        services.AddSingleton<OutlookMailState>();
        services.AddSingleton<OutlookMailActions>();
        return services;
    }
}
