using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>The National Panel's replies to the submission.</summary>
public sealed partial class CaseFold
{
    private static CaseState PanelReply(CaseState next, StoredEvent stored)
    {
        if (stored.Type != CaseEventTypes.NationalPanelReplied)
        {
            return next;
        }

        var e = CaseJson.Read<NationalPanelReplied>(stored.Data);
        return next with { PanelReplies = next.PanelReplies.Add(new PanelReplyRecord(e.InternetMessageId, e.From, e.ReceivedAt, e.Subject, e.MatchedBy, stored.OccurredAt)) };
    }
}
