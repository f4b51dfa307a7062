namespace TeamsReviewBot.Commands;

/// <summary>Every registered chat command by name; help is built from it, so it never lists a
/// command the bot does not have.</summary>
public sealed class CommandCatalogue
{
    private readonly Dictionary<string, IChatCommand> _byName;

    public CommandCatalogue(IEnumerable<IChatCommand> commands)
    {
        _byName = new Dictionary<string, IChatCommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            if (!_byName.TryAdd(command.Name, command))
            {
                throw new InvalidOperationException($"Two chat commands are both named '{command.Name}'.");
            }
        }
    }

    public IReadOnlyCollection<IChatCommand> All => _byName.Values;

    public IChatCommand? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Splits "Timetable oldham 2027-01-04" into ("timetable", "oldham 2027-01-04").</summary>
    public static (string Name, string Arguments) Split(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (trimmed.ToLowerInvariant(), string.Empty) : (trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }
}
