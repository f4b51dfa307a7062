namespace TeamsReviewBot.Process.Meetings;

/// <summary>
/// A new time an invitee proposed for the booked meeting (Outlook's "propose new time", read from the
/// organiser's event), as the business managers weigh it: how many of the <paramref name="Invited"/>
/// are free then (<paramref name="Free"/> is null when the calendars could not be read), the statutory
/// partners with nobody free, and why it falls outside the playbook's meeting window (null inside).
/// </summary>
public sealed record ProposedTime(
    string Address,
    string Name,
    DateTimeOffset Start,
    int Invited,
    int? Free,
    IReadOnlyList<string> PartnersMissing,
    string? OutsideWindow);
