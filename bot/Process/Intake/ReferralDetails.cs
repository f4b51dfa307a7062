using System.Text.Json.Serialization;

namespace TeamsReviewBot.Process.Intake;

/// <summary>How a field came out of the form. Stored as its number; a name is read too.</summary>
[JsonConverter(typeof(FieldReadingJson))]
public enum FieldReading
{
    /// <summary>Filled in and read.</summary>
    Read,

    /// <summary>Present but left blank or still showing Word's placeholder.</summary>
    NotFilledIn,

    /// <summary>Filled in, but not in a form we can trust (e.g. a date that is not a date).</summary>
    Unreadable,

    /// <summary>The form has no such field (an older or altered form).</summary>
    NotFound,
}

/// <summary>One field of a referral. <paramref name="Note"/> says why a field is flagged.</summary>
public sealed record ReferralField(string Key, string Section, string Label, string? Value, FieldReading Reading, string? Note = null)
{
    /// <summary>Could not be read: a person must look at the form. Never guessed.</summary>
    public bool Flagged => Reading is FieldReading.Unreadable or FieldReading.NotFound;
}

/// <summary>One Case Factors tick box: ticked, not ticked, or not found (null).</summary>
public sealed record CaseFactorReading(string Factor, bool? Ticked, string? Detail = null)
{
    public bool Flagged => Ticked is null;
}

/// <summary>What a referral said, as read from its form or its email text. Its child's details and free text are sealed apart; the rest is in the case stream.</summary>
public sealed record ReferralDetails(string Source, IReadOnlyList<ReferralField> Fields, IReadOnlyList<CaseFactorReading> CaseFactors)
{
    public ReferralField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public string? Value(string key) => Field(key) is { Reading: FieldReading.Read } f ? f.Value : null;

    public IEnumerable<string> FlaggedFields => Fields.Where(f => f.Flagged).Select(f => f.Label)
        .Concat(CaseFactors.Where(c => c.Flagged).Select(c => "Case factor: " + c.Factor));

    public IEnumerable<string> TickedFactors => CaseFactors.Where(c => c.Ticked == true).Select(c => c.Factor);
}
