using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>
/// The partnership this service runs for (Partnership:Playbook, else Intake:Partnership: a playbook
/// key such as "oldham", the same setting mail intake reads) and the
/// agencies it starts with: Partnership:Agencies:N:{Name, Kind, Leads, Deputies, ReplyDomains}. Leads,
/// Deputies and ReplyDomains are a list (Leads:0, Leads:1) or one string separated by commas or
/// semicolons. ReplyDomains (e.g. "nca.nhs.uk") lets anyone at that domain answer for the agency;
/// without it only the leads and deputies can. Configuration only seeds the directory; business managers edit it in chat after.
/// </summary>
public sealed class AgencyDirectoryOptions
{
    public string PartnershipKey { get; set; } = string.Empty;

    public IReadOnlyList<AgencyContact> Seed { get; set; } = [];

    public static AgencyDirectoryOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Partnership");
        var seed = new List<AgencyContact>();
        foreach (var entry in section.GetSection("Agencies").GetChildren())
        {
            var name = entry["Name"]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new InvalidOperationException($"Partnership:Agencies:{entry.Key} has no Name.");
            }

            seed.Add(new AgencyContact(name, entry["Kind"]?.Trim() ?? "other", Addresses(entry.GetSection("Leads")), Addresses(entry.GetSection("Deputies")), Addresses(entry.GetSection("ReplyDomains"))));
        }

        var key = section["Playbook"] is { Length: > 0 } playbook ? playbook : configuration["Intake:Partnership"];
        return new AgencyDirectoryOptions { PartnershipKey = key?.Trim() ?? string.Empty, Seed = seed };
    }

    private static IReadOnlyList<string> Addresses(IConfigurationSection section)
    {
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty);
        return AgencyAddresses.Parse(string.Join(',', values));
    }
}
