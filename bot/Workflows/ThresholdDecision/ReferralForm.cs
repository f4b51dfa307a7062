using TeamsReviewBot.Process.Cases;
namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>A referral as a business manager enters it (the same fields as the emailed form).</summary>
public sealed record ReferralForm(
    string Partnership,
    string ReferralKind,
    DateTimeOffset ReceivedAt,
    ReferralSummary Summary,
    ChildDetails Child);

/// <summary>A panel member's vote as submitted from their card.</summary>
public sealed record VoteInput(string Outcome, string Rationale, IReadOnlyDictionary<string, string> Answers);
