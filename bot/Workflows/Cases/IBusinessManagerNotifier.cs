namespace TeamsReviewBot.Workflows.Cases;

/// <summary>Something the business managers of a partnership must hear about a case: a reminder, a
/// missed deadline, an escalation. The message carries the case code, dates and steps, never a
/// child's name, date of birth or address. <paramref name="Id"/> makes telling them happen once.</summary>
public sealed record BusinessManagerNotification(string Id, string CaseCode, string Partnership, string Kind, string Message);

/// <summary>Tells a partnership's business managers; <see cref="TeamsBusinessManagerNotifier"/> tells
/// them in Teams and records it on the case.</summary>
public interface IBusinessManagerNotifier
{
    Task NotifyAsync(BusinessManagerNotification notification, CancellationToken cancellationToken);
}
