namespace TeamsReviewBot.Commands;

/// <summary>A command a business manager types in chat, e.g. "timetable oldham 2027-01-04 09:00".
/// Each command is its own class, registered with <see cref="CommandServiceCollectionExtensions.AddChatCommand{T}"/>.</summary>
public interface IChatCommand
{
    /// <summary>The first word that selects the command, lower case.</summary>
    string Name { get; }

    /// <summary>How to call it, shown in help, e.g. "timetable &lt;partnership&gt; [&lt;Day 0 date and time&gt;]".</summary>
    string Usage { get; }

    /// <summary>One sentence on what it does, shown in help.</summary>
    string Summary { get; }

    /// <summary>Who may run it with these arguments, and where; checked before it runs.</summary>
    CommandAccess AccessFor(string arguments);

    Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken);
}
