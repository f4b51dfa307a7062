using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases.Commands;

/// <summary>"cases [closed|all] [partnership]": the open cases with their stage and next deadline,
/// soonest first; closed cases only when asked for ("closed" for those alone, "all" for both). For
/// the people the partnership lists. Read from the case index, not the streams.</summary>
public sealed class OpenCasesCommand(CaseIndexStore index, TimeProvider time) : IChatCommand
{
    private const string Closed = "closed";
    private const string All = "all";

    public string Name => "cases";

    public string Usage => "cases [closed|all] [‹partnership›]";

    public string Summary => "Lists the open cases with their stage and next deadline, soonest first; \"cases closed\" lists the closed ones, \"cases all\" both.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.AnyRole("Only the partnership's panel members and business managers can list its cases.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var words = request.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()).ToList();
        var which = words.FirstOrDefault(w => w is Closed or All);
        var partnership = words.FirstOrDefault(w => w is not (Closed or All));
        var now = time.GetUtcNow();
        var entries = (await index.ListAsync(partnership, cancellationToken).ConfigureAwait(false))
            .Where(e => which switch
            {
                Closed => IsClosed(e),
                All => true,
                _ => !IsClosed(e),
            })
            .OrderBy(IsClosed)
            .ThenBy(e => e.NextDeadline ?? DateTimeOffset.MaxValue)
            .Select(e => OpenCaseLine.From(e, Enum.TryParse<CaseStage>(e.Stage, out var stage) ? CaseStageNames.Describe(stage) : e.Stage, now))
            .ToList();
        if (which == Closed && entries.Count == 0)
        {
            return CommandReply.Message("There are no closed cases" + (partnership is null ? "." : $" for {partnership}."));
        }

        return CommandReply.WithCard(OpenCasesCard.Build(entries), OpenCasesCard.Text(entries));
    }

    private static bool IsClosed(CaseIndexEntry entry) => string.Equals(entry.Stage, nameof(CaseStage.Closed), StringComparison.Ordinal);
}
