using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// "comments ‹case code› [version]": what the panel wrote about the report, for whoever writes the
/// next version. Each comment on the version (from the report card or a reply in the case's thread)
/// with who and when, and each signing partner's comments or reason for not signing off the current
/// version. The thread and the notices say only who commented or answered; the words are here.
/// Business managers and the chair, in a personal chat only: the text is free text and may name the
/// child. A comment whose sealed record has been erased with the case's details says so.
/// </summary>
public sealed partial class ReportCommentsCommand(CaseService cases, SealedDetailsStore sealedDetails) : IChatCommand
{
    public string Name => "comments";

    public string Usage => "comments ‹case code› [version]";

    public string Summary => "Shows the panel's comments on the report and the partners' sign-off comments and reasons, with who wrote them and when.";

    public CommandAccess AccessFor(string arguments) => new(
        new HashSet<PartnershipRole> { PartnershipRole.BusinessManager, PartnershipRole.Chair },
        "Only a business manager or the chair can read the comments on the report.",
        "the comments are the panel's own words and may name the child");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var match = Arguments().Match(request.Arguments.Trim());
        if (!match.Success)
        {
            return CommandReply.Message($"Please type: {Usage}, for example: comments RR-OLD-2026-0007.");
        }

        var code = match.Groups["code"].Value.ToUpperInvariant();
        var state = cases.Playbooks.ForCaseCode(code) is null ? null : await cases.FindAsync(code, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return CommandReply.Message($"I can't find case {code}. Check the code; it looks like RR-OLD-2026-0007.");
        }

        if (state.CurrentReportVersion is not { } current)
        {
            return CommandReply.Message($"Case {code} has no report yet, so there are no comments on it.");
        }

        var version = match.Groups["version"].Success ? int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture) : current.Number;
        if (version < 1 || version > current.Number)
        {
            return CommandReply.Message($"The report for {code} has versions 1 to {current.Number}; there is no version {version}.");
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"**Comments on version {version} of the report for {code}**\n\n");
        var comments = state.ReportComments.Where(c => c.Version == version).OrderBy(c => c.At).ToList();
        if (comments.Count == 0)
        {
            text.Append("No comments from the panel.\n\n");
        }

        foreach (var comment in comments)
        {
            var words = comment.Sealed is null
                ? comment.Text
                : await sealedDetails.OpenAsync(code, comment.Sealed, cancellationToken).ConfigureAwait(false) ?? "(no longer held: erased with the case's details)";
            var via = comment.Via == ReportThreadReplies.Via ? "a reply in the thread" : "the report card";
            text.Append(CultureInfo.InvariantCulture, $"- **{comment.Name}**, {BritishDates.DateAndTime(comment.At)}, on {via}:\n\n  {Quote(words)}\n\n");
        }

        text.Append(SignOffAnswers(state, version, current.Number));
        return CommandReply.Message(text.ToString().TrimEnd());
    }

    /// <summary>The partners' answers that carry words: the current version's only, since a new version voids the answers before it.</summary>
    private string SignOffAnswers(CaseState state, int version, int current)
    {
        if (version != current)
        {
            return $"Sign-off answers on version {version} were voided when version {current} arrived; type `comments {state.CaseCode}` for the current version's.";
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var answers = state.SeatSignOffs.Values.Where(a => a.Version == version && a.Comments is { Length: > 0 }).OrderBy(a => a.At).ToList();
        if (answers.Count == 0)
        {
            return "No sign-off comments or reasons on this version.";
        }

        var text = new StringBuilder("**Sign-off comments and reasons**\n\n");
        foreach (var answer in answers)
        {
            var seat = playbook.FindSeat(answer.Seat)?.Title ?? answer.Seat;
            var who = answer.ByDeputy ? $"{answer.Name} (deputy for the {seat})" : $"{answer.Name} ({seat})";
            var what = answer.Agrees ? "signed off with comments" : "did not sign off, because";
            text.Append(CultureInfo.InvariantCulture, $"- **{who}** {what}, {BritishDates.DateAndTime(answer.At)}:\n\n  {Quote(answer.Comments!)}\n\n");
        }

        return text.ToString();
    }

    /// <summary>The words as typed, kept on one indented block so a line of their own cannot pass for the bot's.</summary>
    private static string Quote(string words) => "> " + words.Trim().ReplaceLineEndings("\n  > ");

    [GeneratedRegex(@"^(?<code>RR-[A-Za-z]{2,4}-\d{4}-\d{1,6})(\s+(?:v|version\s*)?(?<version>\d{1,3}))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Arguments();
}
