using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Tests.Workflows.Intake;

public sealed class IntakePartnershipTests
{
    private static readonly PlaybookCatalogue Playbooks = PlaybookDirectory.Load(Path.Combine(AppContext.BaseDirectory, "playbooks"));

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(Playbooks);
        services.AddOptions<MailboxOptions>().Bind(configuration.GetSection(MailboxOptions.SectionName));
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.SectionName));
        services.AddSingleton<IPostConfigureOptions<MailboxOptions>, MailboxFromPlaybook>();
        services.AddSingleton<IntakePartnership>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_mailbox_names_its_partnership_in_any_of_its_spellings()
    {
        using var services = Services(new() { ["Graph:Mailbox"] = "oscp.group@Oldham.gov.uk" });

        Assert.Equal("oldham", services.GetRequiredService<IntakePartnership>().Playbook.Key);
    }

    [Fact]
    public void A_deployment_naming_the_partnership_watches_the_playbooks_mailbox()
    {
        using var services = Services(new() { ["Partnership:Playbook"] = "tameside", ["Graph:NotificationUrl"] = "https://bot.example/api/notifications" });

        var options = services.GetRequiredService<IOptions<MailboxOptions>>().Value;

        Assert.True(options.Enabled);
        Assert.Equal("TSCP@tameside.gov.uk", options.Mailbox, ignoreCase: true);
        Assert.Equal("tameside", services.GetRequiredService<IntakePartnership>().Playbook.Key);
    }

    [Fact]
    public void Without_a_notification_URL_intake_stays_off()
    {
        using var services = Services(new() { ["Partnership:Playbook"] = "tameside" });

        Assert.False(services.GetRequiredService<IOptions<MailboxOptions>>().Value.Enabled);
    }

    [Fact]
    public void An_unknown_mailbox_asks_for_Intake_Partnership()
    {
        using var services = Services(new() { ["Graph:Mailbox"] = "someone@else.example" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IntakePartnership>().Playbook);
        Assert.Contains("Intake:Partnership", error.Message, StringComparison.Ordinal);
    }
}
