using TeamsReviewBot.GraphIntegration.Mail;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>A reply matched to the information request it answers, and which rule matched it; or, with
/// <paramref name="RefusedBecause"/>, a reply to that request from someone who may not answer for the
/// agency, which a person must look at.</summary>
public sealed record InformationRequestMatch(string CaseCode, string RequestId, string MatchedBy, string? RefusedBecause = null);

/// <summary>
/// Where intake hands over agencies' replies. The information-request workflow implements this
/// (match by In-Reply-To/References, our internetMessageId, case code in the subject,
/// conversationId, then sender plus open request) and registers it in place of
/// <see cref="NoInformationRequestsTracked"/>.
/// </summary>
public interface IInformationRequestReplies
{
    Task<InformationRequestMatch?> MatchAsync(InboundMail mail, CancellationToken cancellationToken);

    Task RecordReplyAsync(InformationRequestMatch match, InboundMail mail, CancellationToken cancellationToken);
}

/// <summary>While no information requests are sent by the bot, no mail can be a reply to one:
/// such mail goes to the business managers as other mail.</summary>
public sealed class NoInformationRequestsTracked : IInformationRequestReplies
{
    public Task<InformationRequestMatch?> MatchAsync(InboundMail mail, CancellationToken cancellationToken) =>
        Task.FromResult<InformationRequestMatch?>(null);

    public Task RecordReplyAsync(InformationRequestMatch match, InboundMail mail, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No information requests are tracked, so there is no reply to record.");
}
