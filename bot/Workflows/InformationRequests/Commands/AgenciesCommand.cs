using System.Text;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.InformationRequests;

namespace TeamsReviewBot.Workflows.InformationRequests.Commands;

/// <summary>
/// Lists and edits the partnership's agency directory: "agencies", "agencies add Name | kind |
/// lead@x[, lead2@x] | [deputy@x]", "agencies remove Name". Anyone with a role may list; only a
/// business manager may change. Both in a personal chat only, as the list names people's addresses.
/// Bad input is answered with what is wrong and changes nothing.
/// </summary>
public sealed class AgenciesCommand(AgencyDirectory directory) : IChatCommand
{
    public string Name => "agencies";

    public string Usage => "agencies | agencies add ‹name› | ‹kind› | ‹lead email›[, more] | [deputy emails] | agencies remove ‹name›";

    public string Summary => "List the agencies information requests go to, or add, change or remove one.";

    private const string ShowsAddresses = "the directory shows the agencies' safeguarding leads' email addresses";

    public CommandAccess AccessFor(string arguments) => Split(arguments.Trim()).Verb is "add" or "remove"
        ? CommandAccess.BusinessManagers("Only a business manager can change the agency directory.", ShowsAddresses)
        : CommandAccess.AnyRole("Only the partnership's panel members and business managers can see the agency directory.", ShowsAddresses);

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Arguments.Trim();
        var (verb, rest) = Split(text);

        return verb switch
        {
            "" or "list" => await ListAsync(cancellationToken).ConfigureAwait(false),
            "add" => await AddAsync(rest, cancellationToken).ConfigureAwait(false),
            "remove" => await RemoveAsync(rest, cancellationToken).ConfigureAwait(false),
            _ => CommandReply.Message($"I don't know `agencies {verb}`. Use: {Usage}"),
        };
    }

    private async Task<CommandReply> ListAsync(CancellationToken cancellationToken)
    {
        var agencies = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
        if (agencies.Count == 0)
        {
            return CommandReply.Message("The agency directory is empty. Add one with `agencies add ‹name› | ‹kind› | ‹lead email› | [deputy emails]`.");
        }

        var text = new StringBuilder($"**Agencies ({agencies.Count})**\n\n");
        foreach (var agency in agencies)
        {
            text.Append("- **").Append(agency.Name).Append("** (").Append(agency.Kind).Append("): leads ")
                .Append(agency.Leads.Count == 0 ? "none" : string.Join(", ", agency.Leads));
            if (agency.Deputies.Count > 0)
            {
                text.Append("; deputies ").Append(string.Join(", ", agency.Deputies));
            }

            text.Append('\n');
        }

        return CommandReply.Message(text.ToString().TrimEnd());
    }

    private async Task<CommandReply> AddAsync(string rest, CancellationToken cancellationToken)
    {
        var parts = rest.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length is < 3 or > 4 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return CommandReply.Message("To add an agency: `agencies add ‹name› | ‹kind› | ‹lead email›[, more] | [deputy emails]`, e.g. `agencies add Hathershaw College | school | dsl@hathershaw.sch.uk`.");
        }

        var leads = AgencyAddresses.Parse(parts[2]);
        var deputies = parts.Length == 4 ? AgencyAddresses.Parse(parts[3]) : [];
        if (leads.Count == 0)
        {
            return CommandReply.Message($"{parts[0]} needs at least one safeguarding lead email address.");
        }

        var invalid = AgencyAddresses.Invalid(leads.Concat(deputies));
        if (invalid.Count > 0)
        {
            return CommandReply.Message($"These are not email addresses: {string.Join(", ", invalid)}. Nothing was changed.");
        }

        var agency = new AgencyContact(parts[0], parts[1].ToLowerInvariant(), leads, deputies);
        var isNew = await directory.SaveAsync(agency, cancellationToken).ConfigureAwait(false);
        return CommandReply.Message($"{(isNew ? "Added" : "Updated")} **{agency.Name}** ({agency.Kind}): leads {string.Join(", ", leads)}{(deputies.Count > 0 ? "; deputies " + string.Join(", ", deputies) : string.Empty)}.");
    }

    private async Task<CommandReply> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return CommandReply.Message("To remove an agency: `agencies remove ‹name›`.");
        }

        return await directory.RemoveAsync(name, cancellationToken).ConfigureAwait(false)
            ? CommandReply.Message($"Removed **{name}** from the agency directory. Requests already sent to it are not affected.")
            : CommandReply.Message($"There is no agency called {name}. `agencies` lists them.");
    }

    private static (string Verb, string Remainder) Split(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text.ToLowerInvariant(), string.Empty) : (text[..space].ToLowerInvariant(), text[(space + 1)..].Trim());
    }
}
