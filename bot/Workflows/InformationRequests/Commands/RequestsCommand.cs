using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;

namespace TeamsReviewBot.Workflows.InformationRequests.Commands;

/// <summary>
/// "requests RR-OLD-2027-0003": where every agency stands on the case's information requests.
/// "requests RR-OLD-2027-0003 choose": the card to choose the agencies (in a personal chat only,
/// because it asks for the child's reference).
/// </summary>
public sealed class RequestsCommand(
    InformationRequestService requests,
    AgencyDirectory directory,
    CaseService cases,
    TimeProvider time) : IChatCommand
{
    public string Name => "requests";

    public string Usage => "requests ‹case code› [choose]";

    public string Summary => "Show which agencies have returned their information for a case, which are due and which are late; with \"choose\", pick the agencies to ask.";

    public CommandAccess AccessFor(string arguments) => IsChoose(arguments)
        ? CommandAccess.BusinessManagers("Only a business manager can choose the agencies to ask for information.", "the card asks for the child's reference, which never goes in a channel")
        : CommandAccess.AnyRole("Only the partnership's panel members and business managers can see where a case's information requests stand.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var codes = SubjectLine.CaseCodes(request.Arguments);
        if (codes.Count != 1)
        {
            return CommandReply.Message("Give one case code, e.g. `requests RR-OLD-2027-0003`, or `requests RR-OLD-2027-0003 choose` to pick the agencies.");
        }

        return IsChoose(request.Arguments) ? await ChooseAsync(codes[0], cancellationToken).ConfigureAwait(false) : await StatusAsync(codes[0], cancellationToken).ConfigureAwait(false);
    }

    private static bool IsChoose(string arguments) =>
        arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Equals("choose", StringComparison.OrdinalIgnoreCase));

    private async Task<CommandReply> StatusAsync(string caseCode, CancellationToken cancellationToken)
    {
        var book = (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Requests;
        if (book.Requests.Count == 0)
        {
            return CommandReply.Message($"No agencies have been chosen for information requests on {caseCode} yet. `requests {caseCode} choose` picks them.");
        }

        return CommandReply.WithCard(ReturnStatusCard.Create(book, WorkingDayCalendar.LondonDate(time.GetUtcNow())));
    }

    private async Task<CommandReply> ChooseAsync(string caseCode, CancellationToken cancellationToken)
    {
        try
        {
            var (_, _, send, dueOn) = await requests.DatesAsync(caseCode, cancellationToken).ConfigureAwait(false);
            var agencies = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
            if (agencies.Count == 0)
            {
                return CommandReply.Message("The agency directory is empty. Add agencies with `agencies add` first.");
            }

            var named = ReferralNamedAgencies.From(await cases.HistoryAsync(caseCode, cancellationToken).ConfigureAwait(false));
            return CommandReply.WithCard(AgencySelectionCard.Create(caseCode, agencies, named, send, dueOn));
        }
        catch (RequestRuleException ex)
        {
            return CommandReply.Message(ex.Message);
        }
    }
}
