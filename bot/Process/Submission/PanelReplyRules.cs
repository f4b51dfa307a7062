using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Submission;

/// <summary>The National Panel's email as intake read it: its id, sender, time, subject and the
/// threading headers that tie it to the submission.</summary>
public sealed record PanelMail(string InternetMessageId, string From, DateTimeOffset ReceivedAt, string Subject, string? InReplyTo, string? References, string? WebLink);

/// <summary>
/// The National Panel's reply to a submitted report (domain README, Submission: the report goes to
/// the Panel's mailbox and the Panel answers the partnership). A reply belongs to a case that has
/// been submitted: it answers the submission email (its internetMessageId in In-Reply-To or
/// References, as RFC 5322 §3.6.4 threads replies) or names the case code in its subject, as the
/// submission's subject did. Each email is recorded once; it is never an agency's reply or a referral.
/// </summary>
public static class PanelReplyRules
{
    public const string ByThread = "in-reply-to";
    public const string BySubject = "case code in the subject";

    /// <summary>How <paramref name="mail"/> ties to the case's submission, or null when it does not.</summary>
    public static string? MatchedBy(CaseState state, PanelMail mail, bool caseCodeInSubject)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(mail);
        if (!state.Exists || state.Submission is not { } submission)
        {
            return null;
        }

        if (submission.MessageId is { Length: > 0 } id && (Contains(mail.InReplyTo, id) || Contains(mail.References, id)))
        {
            return ByThread;
        }

        return caseCodeInSubject ? BySubject : null;
    }

    /// <summary>Records the reply once per email; nothing when it is already on the case.</summary>
    public static IReadOnlyList<NewEvent> Record(CaseState state, PanelMail mail, string matchedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(mail);
        if (state.Submission is null)
        {
            throw new CaseRuleException($"Case {state.CaseCode} has not been submitted to the National Panel, so there is no reply to record.");
        }

        if (state.PanelReplies.Any(r => r.InternetMessageId == mail.InternetMessageId))
        {
            return [];
        }

        var replied = new NationalPanelReplied(mail.InternetMessageId, mail.From, mail.ReceivedAt, mail.Subject, matchedBy, mail.WebLink, Actor.System,
            $"The National Panel's email of {BritishDates.DateAndTime(mail.ReceivedAt)} answers the submission (matched by {matchedBy}).");
        return [new NewEvent(CaseEventTypes.NationalPanelReplied, CaseJson.Write(replied), now)];
    }

    private static bool Contains(string? header, string messageId) =>
        header is not null && header.Contains(messageId.Trim(), StringComparison.OrdinalIgnoreCase);
}
