using System.Collections.Immutable;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>Sign-off answers with who gave them; a new report version before the report is signed
/// off voids every earlier answer, as partners sign the version they read.</summary>
public sealed partial class CaseFold
{
    private static CaseState SignOffAnswers(CaseState next, StoredEvent stored)
    {
        switch (stored.Type)
        {
            case CaseEventTypes.SignOffRecorded:
                var e = CaseJson.Read<SignOffRecorded>(stored.Data);
                var answer = new SeatSignOff(e.Seat, e.Agrees, e.ByDeputy, e.Actor.Name, e.Actor.ObjectId, e.Version, e.Sha256, e.Comments, stored.OccurredAt);
                return next with { SeatSignOffs = next.SeatSignOffs.SetItem(e.Seat, answer) };
            case CaseEventTypes.ReportVersionAdded when NewVersionVoids.VoidsAnswers(next):
                return next with
                {
                    SignOffs = ImmutableDictionary<string, SignOffEntry>.Empty,
                    SeatSignOffs = ImmutableDictionary<string, SeatSignOff>.Empty,
                    SignOffDisputed = false,
                    SignOffsVoidedByVersion = next.CurrentReportVersion?.Number,
                };
            case CaseEventTypes.SignOffReminderSent:
                return next with { SignOffPromptsGiven = next.SignOffPromptsGiven.Add(CaseJson.Read<SignOffReminderSent>(stored.Data).TimerId) };
            case CaseEventTypes.SignOffEscalated:
                return next with
                {
                    SignOffPromptsGiven = next.SignOffPromptsGiven.Add(CaseJson.Read<SignOffEscalated>(stored.Data).TimerId),
                    SignOffEscalatedAt = stored.OccurredAt,
                };
            case CaseEventTypes.ReportCommentAdded:
                var c = CaseJson.Read<ReportCommentAdded>(stored.Data);
                return next with { ReportComments = next.ReportComments.Add(new ReportComment(c.Version, c.Actor.Name, c.Actor.ObjectId, c.Text, c.Via, stored.OccurredAt, c.Sealed)) };
            case CaseEventTypes.ReportVersionAnnounced:
                var a = CaseJson.Read<ReportVersionAnnounced>(stored.Data);
                return next with { ReportVersionCards = next.ReportVersionCards.SetItem(a.Version, a.MessageId) };
            default:
                return next;
        }
    }
}
