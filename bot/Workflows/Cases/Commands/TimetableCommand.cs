using System.Globalization;
using System.Text.RegularExpressions;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Cases.Commands;

/// <summary>
/// "timetable &lt;partnership&gt; [&lt;Day 0 date and time&gt;]": the deadlines a referral received
/// then (default: now) would get. "timetable &lt;case code&gt;": a case's own timetable with what is done,
/// due and overdue.
/// </summary>
public sealed partial class TimetableCommand(CaseService cases, TimeProvider time) : IChatCommand
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "h:mmtt", "htt", "h tt", "h:mm tt"];

    public string Name => "timetable";

    public string Usage => "timetable ‹partnership› [‹Day 0 date and time›] | timetable ‹case code›";

    public string Summary => "Shows every deadline a referral received then would get, or a case's own timetable with what is done, due and overdue.";

    /// <summary>A partnership's timetable is general knowledge; a case's is for the people the partnership lists.</summary>
    public CommandAccess AccessFor(string arguments) => CaseCode().IsMatch(arguments.Trim().Split(' ', 2)[0])
        ? CommandAccess.AnyRole("Only the partnership's panel members and business managers can see a case's timetable.")
        : CommandAccess.Anyone;

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var arguments = request.Arguments.Trim();
        if (arguments.Length == 0)
        {
            return CommandReply.Message($"Tell me a partnership or a case code, e.g. \"timetable oldham 2027-01-04 10:00\" or \"timetable RR-OLD-2026-0007\". I know: {string.Join(", ", cases.Playbooks.Keys)}.");
        }

        var space = arguments.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? arguments : arguments[..space];
        var rest = space < 0 ? string.Empty : arguments[(space + 1)..].Trim();

        if (CaseCode().IsMatch(first))
        {
            return await ForCaseAsync(first.ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
        }

        var playbook = cases.Playbooks.Find(first);
        if (playbook is null)
        {
            return CommandReply.Message($"I don't know the partnership '{Truncate(first)}'. I know: {string.Join(", ", cases.Playbooks.Keys)}.");
        }

        DateTimeOffset receivedAt;
        if (rest.Length == 0)
        {
            receivedAt = time.GetUtcNow();
        }
        else if (TryParseLondon(rest, playbook.Clock.WorkingDayStarts, out var parsed))
        {
            receivedAt = parsed;
        }
        else
        {
            return CommandReply.Message($"I can't read '{Truncate(rest)}' as a date and time. Write it like 2027-01-14 16:30, 14/01/2027 4pm or 14 January 2027 (London time; no time means {BritishDates.Time(playbook.Clock.WorkingDayStarts)}).");
        }

        var timetable = cases.Schedule.Preview(playbook, receivedAt);
        return CommandReply.WithCard(TimetableCard.ForReferral(timetable), TimetableCard.ReferralText(timetable));
    }

    private async Task<CommandReply> ForCaseAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Message($"I can't find case {caseCode}. Check the code; it looks like RR-OLD-2026-0007.");
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var timetable = cases.Schedule.Timetable(playbook, state);
        var deadlines = cases.Schedule.Deadlines(playbook, state, time.GetUtcNow());
        return CommandReply.WithCard(TimetableCard.ForCase(state, timetable, deadlines), TimetableCard.CaseText(state, timetable, deadlines));
    }

    /// <summary>Reads a London date, optionally followed by a time ("16:30", "4pm", "4.30pm").</summary>
    internal static bool TryParseLondon(string text, TimeOnly defaultTime, out DateTimeOffset instant)
    {
        instant = default;
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var words = text.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var dateWords = Math.Min(3, words.Length); dateWords >= 1; dateWords--)
        {
            var datePart = string.Join(' ', words[..dateWords]);
            if (!DateOnly.TryParseExact(datePart, DateFormats, culture, DateTimeStyles.None, out var date))
            {
                continue;
            }

            var timePart = string.Join(string.Empty, words[dateWords..]).Replace('.', ':').ToUpperInvariant();
            var clock = defaultTime;
            if (timePart.Length > 0 && !TimeOnly.TryParseExact(timePart, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
            {
                return false;
            }

            instant = WorkingDayCalendar.AtLondon(date, clock);
            return true;
        }

        return false;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^RR-[A-Z]{2,4}-\d{4}-\d{1,6}$", RegexOptions.IgnoreCase)]
    private static partial Regex CaseCode();
}
