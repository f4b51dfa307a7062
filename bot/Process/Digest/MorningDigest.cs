namespace TeamsReviewBot.Process.Digest;

/// <summary>One open deadline of a case, as the digest lists it.</summary>
public sealed record DigestDeadline(string CaseCode, string Deadline, string Name, DateTimeOffset DueAt);

/// <summary>Something a case waits for from named people (a threshold decision, a sign-off):
/// <paramref name="On"/> says on whom, seat by seat, with names where the partnership lists them.</summary>
public sealed record DigestWait(string CaseCode, string What, IReadOnlyList<string> On);

/// <summary>A message in the partnership mailbox waiting for a person: sender, time, why, and a link;
/// never a subject, which may name the child.</summary>
public sealed record DigestMail(DateTimeOffset ReceivedAt, string? From, string Reason, string? WebLink, string? CaseCode);

/// <summary>
/// What a business manager's working morning holds, at <paramref name="At"/>: overdue items, what is
/// due today and in the next two working days, decisions and sign-offs waiting (and on whom), and
/// mail waiting for a person. Case codes only: never a child's details.
/// </summary>
public sealed record MorningDigest(
    DateTimeOffset At,
    IReadOnlyList<DigestDeadline> Overdue,
    IReadOnlyList<DigestDeadline> DueToday,
    IReadOnlyList<DigestDeadline> DueSoon,
    IReadOnlyList<DigestWait> Decisions,
    IReadOnlyList<DigestWait> SignOffs,
    IReadOnlyList<DigestMail> Mail)
{
    public bool IsQuiet => Overdue.Count + DueToday.Count + DueSoon.Count + Decisions.Count + SignOffs.Count + Mail.Count == 0;
}
