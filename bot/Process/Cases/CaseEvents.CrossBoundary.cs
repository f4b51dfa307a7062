namespace TeamsReviewBot.Process.Cases;

/// <summary>Cross-boundary referrals: who leads, and the other partnership told.</summary>
public static partial class CaseEventTypes
{
    public const string CrossBoundaryLeadAgreed = "CrossBoundaryLeadAgreed";

    public const string CrossBoundaryNoticeSent = "CrossBoundaryNoticeSent";
}

/// <summary>A business manager recorded that the partnership of <paramref name="LeadAuthority"/> leads the review.</summary>
public sealed record CrossBoundaryLeadAgreed(string LeadAuthority, Actor Actor, string Reason);

/// <summary>The partnership of <paramref name="Authority"/> was told of the case: by email to
/// <paramref name="To"/> (<paramref name="InternetMessageId"/>), or, with no mailbox configured for
/// it, the business managers were asked to tell it by hand (<paramref name="ByHand"/>).</summary>
public sealed record CrossBoundaryNoticeSent(string Authority, string? To, string? InternetMessageId, bool ByHand, Actor Actor, string Reason);
