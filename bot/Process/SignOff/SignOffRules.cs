using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>The three answers a signing seat can give on the sign-off card.</summary>
public static class SignOffChoices
{
    public const string SignOff = "sign-off";
    public const string SignOffWithComments = "sign-off-with-comments";
    public const string DoNotSignOff = "do-not-sign-off";

    public static bool IsKnown(string choice) => choice is SignOff or SignOffWithComments or DoNotSignOff;
}

/// <summary>One answer from a sign-off card: the seat it is for (a deputy fills their partner's seat),
/// the choice, the report version and hash the card showed, and the comments or reason.</summary>
public sealed record SignOffAnswer(string Seat, bool ByDeputy, string Choice, int Version, string Sha256, string Comments, Actor Actor);

/// <summary>
/// A seat's sign-off on the report, beside <see cref="CaseRules.RecordSignOff"/> which holds the
/// playbook's rule: an answer is on the current version only (a card for an older version is
/// refused, saying which version is current), "do not sign off" needs a reason and "with comments"
/// the comments, and the same answer again (a retry or a double click) adds nothing. Once the report
/// is signed off nothing more is recorded; the caller says so. Refusals are sentences.
/// </summary>
public static class SignOffRules
{
    public static IReadOnlyList<NewEvent> Answer(CaseRules rules, CaseState state, SignOffAnswer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(answer);
        if (state.SignedOffAt is not null)
        {
            return [];
        }

        if (state.CurrentReportVersion is not { } current)
        {
            throw new CaseRuleException($"Case {state.CaseCode} has no report version to sign off yet.");
        }

        if (current.Number != answer.Version || !string.Equals(current.Sha256, answer.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new CaseRuleException($"This card is for version {answer.Version} of the report for case {state.CaseCode}, and the report is now at version {current.Number} (hash {HashPrefix(current.Sha256)}). Partners sign the version they read: please use the card for version {current.Number}.");
        }

        if (!SignOffChoices.IsKnown(answer.Choice))
        {
            throw new CaseRuleException("Please choose sign off, sign off with comments, or do not sign off.");
        }

        var comments = answer.Comments.Trim();
        if (answer.Choice == SignOffChoices.DoNotSignOff && comments.Length == 0)
        {
            throw new CaseRuleException("Please give the reason you do not sign off; the partners and the business manager need it to resolve the disagreement.");
        }

        if (answer.Choice == SignOffChoices.SignOffWithComments && comments.Length == 0)
        {
            throw new CaseRuleException("Please write your comments, or choose sign off without comments.");
        }

        var agrees = answer.Choice != SignOffChoices.DoNotSignOff;
        var kept = answer.Choice == SignOffChoices.SignOff ? null : comments;
        if (Holds(state, answer))
        {
            return [];
        }

        var reason = answer.Choice switch
        {
            SignOffChoices.SignOff => $"Signed off version {current.Number} of the report.",
            SignOffChoices.SignOffWithComments => $"Signed off version {current.Number} of the report with comments.",
            _ => $"Did not sign off version {current.Number} of the report.",
        };
        return rules.RecordSignOff(state, answer.Seat, agrees, answer.ByDeputy, answer.Actor, reason, now, current, kept);
    }

    /// <summary>Whether the stream holds this very answer for its seat on the current version (recorded by this press or an earlier one).</summary>
    public static bool Holds(CaseState state, SignOffAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(answer);
        var kept = answer.Choice == SignOffChoices.SignOff ? null : answer.Comments.Trim();
        return state.CurrentReportVersion is { } current
            && state.SeatSignOffs.TryGetValue(answer.Seat, out var earlier)
            && earlier.Version == current.Number
            && earlier.Agrees == (answer.Choice != SignOffChoices.DoNotSignOff)
            && earlier.ByDeputy == answer.ByDeputy
            && earlier.Comments == kept
            && earlier.ObjectId == answer.Actor.ObjectId;
    }

    /// <summary>The first twelve characters of a hash: enough for a person to tell versions apart.</summary>
    public static string HashPrefix(string sha256) => sha256.Length <= 12 ? sha256 : sha256[..12];
}
