namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// The panel's own events on a case stream, beside the process's (<see cref="CaseEventTypes"/>):
/// what the threshold decision records about the referral, its thread, each voter and the referrer.
/// <see cref="CaseFold"/> reads them into the one <see cref="CaseState"/>.
/// </summary>
public static class PanelEventTypes
{
    public const string ReferralRecorded = "ReferralRecorded";
    public const string PanelThreadOpened = "PanelThreadOpened";
    public const string ThresholdQuestionsAnswered = "ThresholdQuestionsAnswered";
    public const string ReferralViewed = "ReferralViewed";
    public const string CardActionRefused = "CardActionRefused";
    public const string ReferrerInformed = "ReferrerInformed";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ReferralRecorded, PanelThreadOpened, ThresholdQuestionsAnswered, ReferralViewed, CardActionRefused, ReferrerInformed,
    };
}

/// <summary>What a channel may show of a referral: nothing that identifies the child. A value the
/// referral did not give (or gave unreadably) is "not given" or null, never guessed.</summary>
public sealed record ReferralSummary(
    string IncidentCategory,
    string AgeBand,
    DateOnly? IncidentDate,
    string ReferringOrganisation,
    string ReferrerEmail);

/// <summary>The child's details: shown only to authorised members in a view of their own, each view recorded.</summary>
public sealed record ChildDetails(string Name, DateOnly? DateOfBirth, string Address);

/// <summary>A referral as the panel reads it. <paramref name="Child"/> is null once the child's details
/// are sealed apart (kept outside the stream); streams written
/// before that carry them here, and are still read.</summary>
public sealed record ReferralRecorded(ReferralSummary Summary, ChildDetails? Child, Actor Actor, string Reason);

/// <summary>Where the case's thread lives, so its card can be edited after each vote.</summary>
public sealed record PanelThreadOpened(string ServiceUrl, string ChannelId, string ThreadId, string MessageId, string TenantId, string BotId, string? BotName, Actor Actor);

/// <summary>A voter's answers to the threshold questions, recorded beside their vote.</summary>
public sealed record ThresholdQuestionsAnswered(string Seat, IReadOnlyDictionary<string, string> Answers, Actor Actor);

public sealed record ReferralViewed(Actor Actor, string Reason);

/// <summary>Someone pressed a button they may not use; what they tried and why it was refused.</summary>
public sealed record CardActionRefused(string Verb, Actor Actor, string Reason);

public sealed record ReferrerInformed(string To, string Outcome, string? MessageId, Actor Actor, string Reason);

/// <summary>One seat's vote as the panel shows it: who cast it, with what rationale and answers.</summary>
public sealed record SeatVote(string Seat, string Outcome, string Rationale, bool ByDeputy, string VoterName, string VoterObjectId, DateTimeOffset At, System.Collections.Immutable.ImmutableDictionary<string, string> Answers);
