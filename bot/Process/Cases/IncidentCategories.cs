namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// The closed list a channel card may show as a referral's incident category. A form's "Nature of
/// Incident" and "Main Type of Abuse" are drop-downs whose choices the seeds do not list (seed-000
/// §2.2), and a combo box, a typed cell or an e-mail line can hold anything, including a child's
/// name. So a value is mapped onto this list by its normalised text, and anything that does not map
/// is "Other": nothing typed ever reaches the channel.
/// </summary>
public static class IncidentCategories
{
    public const string Death = "Death";
    public const string SeriousHarm = "Serious harm";
    public const string PhysicalAbuse = "Physical abuse";
    public const string EmotionalAbuse = "Emotional abuse";
    public const string SexualAbuse = "Sexual abuse";
    public const string Neglect = "Neglect";
    public const string Other = "Other";
    public const string NotGiven = "not given";

    /// <summary>What happened (Working Together 2023's two notifiable outcomes).</summary>
    public static IReadOnlyList<string> Natures { get; } = [Death, SeriousHarm];

    /// <summary>The four categories of abuse and neglect.</summary>
    public static IReadOnlyList<string> AbuseTypes { get; } = [PhysicalAbuse, EmotionalAbuse, SexualAbuse, Neglect];

    /// <summary>The choices a business manager picks from on the refer form.</summary>
    public static IReadOnlyList<string> Choices { get; } = [.. Natures, .. AbuseTypes, Other];

    // The forms' own wording for each choice, as seen on filled-in forms, normalised.
    private static readonly Dictionary<string, string> NatureWords = Words(
        (Death, ["death", "child death", "died", "fatal", "fatality"]),
        (SeriousHarm, ["serious harm", "serious injury", "seriously harmed", "serious incident", "serious child safeguarding incident", "near miss"]));

    private static readonly Dictionary<string, string> AbuseWords = Words(
        (PhysicalAbuse, ["physical abuse", "physical", "non-accidental injury", "nai"]),
        (EmotionalAbuse, ["emotional abuse", "emotional"]),
        (SexualAbuse, ["sexual abuse", "sexual", "child sexual abuse", "familial sexual abuse"]),
        (Neglect, ["neglect"]));

    /// <summary>"Nature of Incident" as one of <see cref="Natures"/>, "Other" when it does not map, null when not given.</summary>
    public static string? Nature(string? value) => Map(value, NatureWords);

    /// <summary>"Main Type of Abuse" as one of <see cref="AbuseTypes"/>, "Other" when it does not map, null when not given.</summary>
    public static string? AbuseType(string? value) => Map(value, AbuseWords);

    /// <summary>The category shown on the card: nature and type together ("Serious harm: physical abuse"), either alone, or "not given".</summary>
    public static string Category(string? nature, string? abuseType)
    {
        var what = Nature(nature);
        var how = AbuseType(abuseType);
        return (what, how) switch
        {
            (null, null) => NotGiven,
            ({ } w, null) => w,
            (null, { } h) => h,
            ({ } w, { } h) when w == Other && h == Other => Other,
            ({ } w, { } h) => $"{w}: {h.ToLowerInvariant()}",
        };
    }

    /// <summary>
    /// Any stored category brought back onto the list: a value this class produced stays as it is,
    /// a single choice is mapped, anything else is "Other". Categories recorded before the list
    /// existed were typed, so they pass through here before a card shows them.
    /// </summary>
    public static string Closed(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored) || stored == NotGiven)
        {
            return NotGiven;
        }

        if (Produced.Contains(stored))
        {
            return stored;
        }

        return Nature(stored) is { } nature && nature != Other ? nature
            : AbuseType(stored) is { } type && type != Other ? type
            : Other;
    }

    private static readonly HashSet<string> Produced = BuildProduced();

    private static HashSet<string> BuildProduced()
    {
        var all = new HashSet<string>(Choices, StringComparer.Ordinal);
        foreach (var nature in Natures.Append(Other))
        {
            foreach (var type in AbuseTypes.Append(Other))
            {
                all.Add(Category(nature, type));
            }
        }

        return all;
    }

    private static string? Map(string? value, Dictionary<string, string> words)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return words.TryGetValue(FormText.Normalise(value), out var choice) ? choice : Other;
    }

    private static Dictionary<string, string> Words(params (string Choice, string[] Words)[] lists)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (choice, words) in lists)
        {
            foreach (var word in words)
            {
                map[FormText.Normalise(word)] = choice;
            }
        }

        return map;
    }
}
