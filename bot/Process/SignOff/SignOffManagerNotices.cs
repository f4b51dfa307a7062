using System.Globalization;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>What the business managers are owed about sign-off, and under which notice id.</summary>
public enum SignOffNoticeKind
{
    /// <summary>A seat answered "do not sign off" on the current version.</summary>
    Declined,

    /// <summary>The playbook's rule can no longer be met as answers stand (<see cref="SignOffVerdict.Blocked"/>).</summary>
    Blocked,

    /// <summary>A new version voided the answers given on the version before.</summary>
    SignOffsVoided,

    /// <summary>A new version voided the compliance check (Gloucestershire's WT2018 check) done on the version before.</summary>
    ComplianceCheckVoided,
}

/// <summary>One notice owed: its id on the case stream (<see cref="BusinessManagersNotified"/>), the
/// version it is about and, for a refusal, the seat and the answer that refused.</summary>
public sealed record SignOffNotice(string Id, SignOffNoticeKind Kind, int Version, SeatSignOff? Answer = null);

/// <summary>
/// Which sign-off events the business managers must hear of, who run the process and act on a
/// disagreement before the submission deadline: every playbook's <c>signOff.onDisagreement</c> routes
/// a disagreement to the business manager (seed-000 §8.3, seed-002 L366 "escalated", and the
/// partnership settings for Tameside, West Midlands and Gloucestershire, whose seeds name no route).
/// Owed while the report is not signed off and the case is open: a "do not sign off" on the current
/// version (once per version and seat), the rule becoming blocked (once per version; not when the
/// deadline's escalation has already told them), and a new version voiding earlier answers or the
/// compliance check (once per version). A notice not yet sent when the report is signed off or a
/// newer version arrives is no longer owed: what it was about is past. The ids are the keys that
/// make each notice go once.
/// </summary>
public static class SignOffManagerNotices
{
    public static string DeclinedId(int version, string seat) => $"sign-off-declined:{Number(version)}:{seat}";

    public static string BlockedId(int version) => $"sign-off-blocked:{Number(version)}";

    public static string SignOffsVoidedId(int version) => $"sign-offs-voided:{Number(version)}";

    public static string ComplianceCheckVoidedId(int version) => $"compliance-check-voided:{Number(version)}";

    /// <summary>The notices the case as it stands owes and has not recorded, in the order they read best.</summary>
    public static IReadOnlyList<SignOffNotice> Owed(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.SignedOffAt is not null || state.IsClosed || state.CurrentReportVersion is not { } current)
        {
            return [];
        }

        var owed = new List<SignOffNotice>();
        var version = current.Number;
        if (state.SignOffsVoidedByVersion == version)
        {
            owed.Add(new SignOffNotice(SignOffsVoidedId(version), SignOffNoticeKind.SignOffsVoided, version));
        }

        if (state.ComplianceCheckVoidedByVersion == version)
        {
            owed.Add(new SignOffNotice(ComplianceCheckVoidedId(version), SignOffNoticeKind.ComplianceCheckVoided, version));
        }

        foreach (var answer in state.SeatSignOffs.Values.Where(a => !a.Agrees && a.Version == version).OrderBy(a => a.At))
        {
            owed.Add(new SignOffNotice(DeclinedId(version, answer.Seat), SignOffNoticeKind.Declined, version, answer));
        }

        if (state.SignOffDisputed && state.SignOffEscalatedAt is null)
        {
            owed.Add(new SignOffNotice(BlockedId(version), SignOffNoticeKind.Blocked, version));
        }

        return [.. owed.Where(n => !state.Notifications.Contains(n.Id))];
    }

    /// <summary>Records the notices told in one message: each once, with its own sentence for the audit trail.</summary>
    public static IReadOnlyList<NewEvent> Told(CaseState state, IReadOnlyList<(SignOffNotice Notice, string Sentence)> told, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(told);
        return [.. told
            .Where(t => !state.Notifications.Contains(t.Notice.Id))
            .DistinctBy(t => t.Notice.Id)
            .Select(t => new NewEvent(CaseEventTypes.BusinessManagersNotified, CaseJson.Write(new BusinessManagersNotified(t.Notice.Id, t.Sentence, Actor.System, reason)), now))];
    }

    /// <summary>The submission deadline and how long is left until it, in the working days the timetable counts.</summary>
    public static string SubmissionDue(WorkingDayCalendar calendar, DateTimeOffset now, DateTimeOffset due)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (due <= now)
        {
            return $"The report was due at the National Panel by {BritishDates.DateAndTime(due)}: that deadline has passed.";
        }

        var days = calendar.WorkingDaysBetween(WorkingDayCalendar.LondonDate(now), WorkingDayCalendar.LondonDate(due));
        var left = days switch
        {
            0 => "today",
            1 => "1 working day from today",
            _ => string.Create(CultureInfo.InvariantCulture, $"{days} working days from today"),
        };
        return $"The report is due at the National Panel by {BritishDates.DateAndTime(due)} ({left}).";
    }

    private static string Number(int version) => version.ToString(CultureInfo.InvariantCulture);
}
