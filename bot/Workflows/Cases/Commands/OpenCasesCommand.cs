using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases.Commands;

/// <summary>"cases [partnership]": the open cases with their stage and next deadline, soonest first,
/// for the people the partnership lists. Read from the case index, not the streams.</summary>
public sealed class OpenCasesCommand(CaseIndexStore index, TimeProvider time) : IChatCommand
{
    public string Name => "cases";

    public string Usage => "cases [‹partnership›]";

    public string Summary => "Lists the open cases with their stage and next deadline, soonest first.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.AnyRole("Only the partnership's panel members and business managers can list its cases.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var partnership = request.Arguments.Trim() is { Length: > 0 } named ? named.ToLowerInvariant() : null;
        var now = time.GetUtcNow();
        var open = (await index.ListAsync(partnership, cancellationToken).ConfigureAwait(false))
            .Where(e => !string.Equals(e.Stage, nameof(CaseStage.Closed), StringComparison.Ordinal))
            .OrderBy(e => e.NextDeadline ?? DateTimeOffset.MaxValue)
            .Select(e => OpenCaseLine.From(e, Enum.TryParse<CaseStage>(e.Stage, out var stage) ? CaseStageNames.Describe(stage) : e.Stage, now))
            .ToList();
        return CommandReply.WithCard(OpenCasesCard.Build(open), OpenCasesCard.Text(open));
    }
}
