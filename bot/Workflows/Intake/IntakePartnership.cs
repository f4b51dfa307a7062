using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Whose mailbox this is: Intake:Partnership, else Partnership:Playbook, else the playbook whose
/// mailbox (or one of its spellings) is Graph:Mailbox.
/// </summary>
public sealed class IntakePartnership(IOptions<IntakeOptions> intake, IOptions<MailboxOptions> mailbox, IConfiguration configuration, PlaybookCatalogue playbooks)
{
    private readonly Lazy<Playbook> _playbook = new(() => Resolve(intake.Value, mailbox.Value, configuration, playbooks));

    public Playbook Playbook => _playbook.Value;

    internal static string? Named(IntakeOptions intake, IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(intake.Partnership) ? intake.Partnership
        : configuration["Partnership:Playbook"] is { Length: > 0 } key ? key
        : null;

    private static Playbook Resolve(IntakeOptions intake, MailboxOptions mailbox, IConfiguration configuration, PlaybookCatalogue playbooks)
    {
        if (Named(intake, configuration) is { } key)
        {
            return playbooks.Find(key)
                ?? throw new InvalidOperationException($"Intake: there is no playbook '{key}'. The playbooks are: {string.Join(", ", playbooks.Keys)}.");
        }

        return playbooks.All.FirstOrDefault(p => Serves(p, mailbox.Mailbox))
            ?? throw new InvalidOperationException($"Intake: no playbook has the mailbox {mailbox.Mailbox}; set Intake:Partnership.");
    }

    internal static bool Serves(Playbook playbook, string? address) =>
        address is not null
        && (string.Equals(playbook.Mailbox.Address, address, StringComparison.OrdinalIgnoreCase)
            || (playbook.Mailbox.Aliases ?? []).Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// Graph:Mailbox defaults to the playbook's mailbox when the deployment names the partnership and
/// gives a notification URL (as the Bicep does) but no mailbox.
/// </summary>
public sealed class MailboxFromPlaybook(IConfiguration configuration, IServiceProvider services) : IPostConfigureOptions<MailboxOptions>
{
    public void PostConfigure(string? name, MailboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Mailbox) || string.IsNullOrWhiteSpace(options.NotificationUrl))
        {
            return;
        }

        var intake = configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions();
        if (IntakePartnership.Named(intake, configuration) is { } key && services.GetRequiredService<PlaybookCatalogue>().Find(key) is { } playbook)
        {
            options.Mailbox = playbook.Mailbox.Address;
        }
    }
}
