using System.Text.Json.Nodes;

namespace TeamsReviewBot.Workflows.Outbound;

/// <summary>Tells the partnership's business managers, in plain words, about something they must
/// act on (a channel the bot can no longer reach, for instance). Never carries child data.</summary>
public interface IBusinessManagerAlerts
{
    /// <summary>Sends <paramref name="sentence"/> to every business manager the bot can reach;
    /// returns how many it reached.</summary>
    Task<int> AlertAsync(string sentence, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="sentence"/> with <paramref name="card"/> under it (buttons that act
    /// on what the sentence reports); returns how many business managers it reached.</summary>
    Task<int> AlertAsync(string sentence, JsonObject card, CancellationToken cancellationToken);
}
