using System.Text.Json.Nodes;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>Something the business managers of a partnership must hear about a case: a reminder, a
/// missed deadline, an escalation. The message carries the case code, dates and steps, never a
/// child's name, date of birth or address. <paramref name="Id"/> makes telling them happen once;
/// <paramref name="Card"/>, when given, goes under the message with buttons that act on it.</summary>
public sealed record BusinessManagerNotification(string Id, string CaseCode, string Partnership, string Kind, string Message, JsonObject? Card = null);

/// <summary>Tells a partnership's business managers; <see cref="TeamsBusinessManagerNotifier"/> tells
/// them in Teams and records it on the case.</summary>
public interface IBusinessManagerNotifier
{
    Task NotifyAsync(BusinessManagerNotification notification, CancellationToken cancellationToken);
}
