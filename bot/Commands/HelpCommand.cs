using TeamsReviewBot.Cards;

namespace TeamsReviewBot.Commands;

/// <summary>"help": what the bot does and every command it understands.</summary>
public sealed class HelpCommand(IServiceProvider services) : IChatCommand
{
    public string Name => "help";

    public string Usage => "help";

    public string Summary => "Says what TeamsReviewBot does and lists its commands.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.Anyone;

    public Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Resolved here, not injected, because the catalogue holds this command too.
        var catalogue = services.GetRequiredService<CommandCatalogue>();
        var commands = catalogue.All.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        return Task.FromResult(CommandReply.WithCard(HelpCard.Build(commands)));
    }
}
