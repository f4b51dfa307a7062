using System.Net;
using System.Text.RegularExpressions;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// Where mail intake hands over mail that may answer an information request: matched by
/// <see cref="ReplyIntake"/>, recorded with its files, then <see cref="RequestProgress"/> collates
/// when the last agency has answered. Mail it does not match goes on to intake's other rules and,
/// failing those, to the business managers.
/// </summary>
public sealed partial class InformationRequestReplies(ReplyIntake intake, RequestProgress progress) : IInformationRequestReplies
{
    public async Task<InformationRequestMatch?> MatchAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        var placement = await intake.MatchAsync(ToAgencyMail(mail), cancellationToken).ConfigureAwait(false);
        if (placement.RefusedFor is { } refused)
        {
            return new InformationRequestMatch(refused.CaseCode, refused.Agency, string.Empty, NotFromTheAgency(refused));
        }

        return placement.Match is not { } match ? null : new InformationRequestMatch(match.CaseCode, match.Agency, match.Rule.ToString());
    }

    public async Task RecordReplyAsync(InformationRequestMatch match, InboundMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (match.RefusedBecause is not null)
        {
            throw new InvalidOperationException("A reply refused for its sender is not recorded as the agency's.");
        }

        var rule = Enum.Parse<MatchRule>(match.MatchedBy);
        await intake.RecordAsync(new RequestReplyMatch(match.CaseCode, match.RequestId, rule), ToAgencyMail(mail), cancellationToken).ConfigureAwait(false);
        await progress.AfterReplyAsync(match.CaseCode, cancellationToken).ConfigureAwait(false);
    }

    private static string NotFromTheAgency(RequestIdentity request) =>
        $"Answers the information request to {request.Agency} on {request.CaseCode}, but the sender is not one of {request.Agency}'s leads or deputies in the agency directory, so it is not counted as the agency's return.";

    public static AgencyMail ToAgencyMail(InboundMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in mail.Headers)
        {
            headers.TryAdd(header.Name, header.Value);
        }

        return new AgencyMail(
            mail.Id,
            mail.InternetMessageId,
            mail.Subject,
            mail.FromAddress,
            mail.ReceivedAt,
            mail.BodyIsHtml ? Text(mail.Body) : mail.Body,
            headers,
            mail.ConversationId,
            [.. mail.Attachments.Select(a => new AgencyMailAttachment(a.Name, a.ContentType, a.Size, a.IsFile, a.Content))]);
    }

    // Enough of HTML to read what a person wrote: tags out, entities decoded.
    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(html, "\n"), string.Empty));

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<(br|/p|/div)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();
}
