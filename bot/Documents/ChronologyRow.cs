namespace TeamsReviewBot.Documents;

/// <summary>
/// One entry of an agency's chronology. <paramref name="Date"/> is null when the date written could
/// not be read (it is kept as <paramref name="DateAsWritten"/> and listed after the dated rows, as
/// Chronolator does with uncertain dates, rather than dropped).
/// </summary>
public sealed record ChronologyRow(
    DateOnly? Date,
    string DateAsWritten,
    string Time,
    string Event,
    string Outcome,
    string Practitioner,
    string Source);

/// <summary>The columns agencies fill in; the merged chronology adds the source agency.</summary>
public static class ChronologyColumns
{
    public const string Date = "Date";
    public const string Time = "Time";
    public const string Event = "Event / contact with the child or family";
    public const string Outcome = "Action taken / outcome";
    public const string Practitioner = "Practitioner and role";
    public const string Source = "Source agency";

    public static IReadOnlyList<string> AgencyHeader { get; } = [Date, Time, Event, Outcome, Practitioner];

    public static IReadOnlyList<string> MergedHeader { get; } = [Date, Time, Source, Event, Outcome, Practitioner];
}
