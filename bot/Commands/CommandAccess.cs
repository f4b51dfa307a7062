using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Commands;

/// <summary>
/// Who may run a command and where it may answer. Checked before the command runs; a refusal is
/// one sentence in the chat and a row in the audit table.
/// </summary>
/// <param name="Roles">The roles that may run it; empty means anyone, listed or not.</param>
/// <param name="Refusal">What someone without one of the roles reads.</param>
/// <param name="PersonalChatOnlyBecause">Why it answers only in a personal chat (what the answer
/// shows); null when it may answer anywhere.</param>
public sealed record CommandAccess(IReadOnlySet<PartnershipRole> Roles, string Refusal, string? PersonalChatOnlyBecause = null)
{
    private static readonly IReadOnlySet<PartnershipRole> EveryRole = new HashSet<PartnershipRole>(Enum.GetValues<PartnershipRole>());

    /// <summary>Anyone, in any conversation: the answer holds nothing about cases or people.</summary>
    public static CommandAccess Anyone { get; } = new(new HashSet<PartnershipRole>(), string.Empty);

    /// <summary>Anyone the partnership lists, whatever their role.</summary>
    public static CommandAccess AnyRole(string refusal, string? personalChatOnlyBecause = null) => new(EveryRole, refusal, personalChatOnlyBecause);

    public static CommandAccess BusinessManagers(string refusal, string? personalChatOnlyBecause = null) =>
        new(new HashSet<PartnershipRole> { PartnershipRole.BusinessManager }, refusal, personalChatOnlyBecause);

    public bool Admits(Caller actor) => Roles.Count == 0 || Roles.Any(actor.Holds);

    public bool AnswersIn(string conversationType) =>
        PersonalChatOnlyBecause is null || string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase);
}
