using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Who the meeting invites: the partnership's statutory leads, chair and independent adviser (the
/// people slots are ranked for), its business managers, and the leads of every agency asked for
/// information on the case. People without an e-mail address in the settings cannot be invited.
/// </summary>
public sealed class MeetingInvitees(PartnershipDirectory directory, AgencyDirectory agencies, CaseService cases)
{
    private static readonly PartnershipRole[] Required = [PartnershipRole.StatutoryLead, PartnershipRole.Chair, PartnershipRole.IndependentAdviser];

    public async Task<IReadOnlyList<Invitee>> ForAsync(string caseCode, CancellationToken cancellationToken)
    {
        var invitees = new List<Invitee>();
        foreach (var role in Required.Append(PartnershipRole.BusinessManager))
        {
            foreach (var person in directory.WithRole(role).Where(p => !string.IsNullOrWhiteSpace(p.Email)))
            {
                invitees.Add(new Invitee(person.Email!.Trim(), person.Name ?? person.Email!, PartnerKey(person.Partner), Required.Contains(role)));
            }
        }

        var history = await cases.HistoryAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var asked = history.Where(e => e.Type == CaseEventTypes.InformationRequested)
            .SelectMany(e => CaseJson.Read<InformationRequested>(e.Data).Agencies)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in asked)
        {
            if (await agencies.FindAsync(name, cancellationToken).ConfigureAwait(false) is { } agency)
            {
                invitees.AddRange(agency.Leads.Select(address => new Invitee(address, agency.Name, null, false)));
            }
        }

        return [.. invitees.DistinctBy(i => i.Address, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The invitees and the deputies the partnership lists: who may answer for a statutory
    /// partner once on the invitation (a deputy counts for their partner once they accept).</summary>
    public async Task<IReadOnlyList<Invitee>> WithDeputiesAsync(string caseCode, CancellationToken cancellationToken)
    {
        var people = await ForAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var deputies = directory.WithRole(PartnershipRole.Deputy).Where(d => !string.IsNullOrWhiteSpace(d.Email))
            .Select(d => new Invitee(d.Email!.Trim(), d.Name ?? d.Email!.Trim(), PartnerKey(d.Partner), false));
        return [.. people.Concat(deputies).DistinctBy(i => i.Address, StringComparer.OrdinalIgnoreCase)];
    }

    public static string? PartnerKey(StatutoryPartner? partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "local-authority",
        StatutoryPartner.Police => "police",
        StatutoryPartner.Health => "health",
        _ => null,
    };
}
