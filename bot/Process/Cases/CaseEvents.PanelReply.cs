namespace TeamsReviewBot.Process.Cases;

public static partial class CaseEventTypes
{
    public const string NationalPanelReplied = "NationalPanelReplied";
}

/// <summary>The National Panel's email <paramref name="InternetMessageId"/> to the partnership mailbox,
/// received at <paramref name="ReceivedAt"/> from <paramref name="From"/>, matched to the submitted
/// case by <paramref name="MatchedBy"/> (the submission's message id in In-Reply-To or References, or
/// the case code in the subject). Who, when and the subject only: what the Panel wrote stays in the mailbox.</summary>
public sealed record NationalPanelReplied(string InternetMessageId, string From, DateTimeOffset ReceivedAt, string Subject, string MatchedBy, string? WebLink, Actor Actor, string Reason);
