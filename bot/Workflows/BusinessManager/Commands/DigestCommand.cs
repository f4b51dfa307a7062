using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;

namespace TeamsReviewBot.Workflows.BusinessManager.Commands;

/// <summary>"digest": the morning digest as it stands now, on demand. It does not count as the day's
/// digest: the working-morning one still comes.</summary>
public sealed class DigestCommand(MorningDigestBuilder builder, TimeProvider time) : IChatCommand
{
    public string Name => "digest";

    public string Usage => "digest";

    public string Summary => "Shows the morning digest as it stands now: overdue, due today and in the next two working days, decisions and sign-offs waiting, and mail waiting for a person.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers(
        "Only a business manager gets the morning digest.", "it lists the mail waiting in the partnership mailbox, with senders' addresses");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Arguments.Trim().Length > 0)
        {
            return CommandReply.Message($"\"digest\" takes nothing after it. Please type: {Usage}");
        }

        var digest = await builder.BuildAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return CommandReply.WithCard(MorningDigestCard.Build(digest), MorningDigestCard.Summary(digest));
    }
}
