using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// What a sign-off press says about the presser's seat, from what the stream holds: an answer
/// recorded for the seat (theirs or their deputy's) is said to be recorded, with what and when;
/// only a seat with no answer hears that the report was signed off without it.
/// </summary>
public static class SignOffAnswers
{
    /// <summary>The stream holds this answer (storage failed under the press, or it was pressed again).</summary>
    public static string Recorded(CaseState state, SignOffAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(answer);
        var recorded = state.SeatSignOffs[answer.Seat];
        return $"Your answer is recorded: {Describe(recorded)} version {recorded.Version} of the report, on {BritishDates.DateAndTime(recorded.At)}.{SignedOff(state)}";
    }

    /// <summary>The press added nothing: the same answer again, or the report signed off already. Null when the card says it all.</summary>
    public static string? PressedAgain(CaseState state, SignOffAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(answer);
        if (SignOffRules.Holds(state, answer))
        {
            return Recorded(state, answer);
        }

        if (state.SignedOffAt is null)
        {
            return null;
        }

        if (!state.SeatSignOffs.TryGetValue(answer.Seat, out var counted))
        {
            return $"The report for {state.CaseCode} was already signed off by the playbook's rule, so your answer was not needed and was not recorded.";
        }

        var whose = counted.ObjectId == answer.Actor.ObjectId ? "Your answer" : $"The answer {counted.Name} gave for your seat";
        return $"{whose} ({Describe(counted)} version {counted.Version}, {BritishDates.DateAndTime(counted.At)}) was counted.{SignedOff(state)} This different answer was not recorded.";
    }

    private static string Describe(SeatSignOff answer) =>
        !answer.Agrees ? "did not sign off" : answer.Comments is { Length: > 0 } ? "signed off, with comments," : "signed off";

    private static string SignedOff(CaseState state) =>
        state.SignedOffAt is { } at ? $" The report was signed off on {BritishDates.DateAndTime(at)}." : string.Empty;
}
