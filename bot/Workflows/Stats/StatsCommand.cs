using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Commands;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Export;
using TeamsReviewBot.Process.Stats;
using TeamsReviewBot.Workflows.Export;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Stats;

/// <summary>
/// "stats [from] [to]": the figures the partnership reports on its Rapid Reviews for referrals
/// received in the period (default: the financial year so far, 1 April to today), as a card with a
/// chart the bot draws, and as a CSV emailed from the partnership mailbox to the business manager.
/// Business managers, in a personal chat: small counts by source and age band can point to a child.
/// </summary>
public sealed class StatsCommand(StatsReader reader, MailSender mail, IOptions<MailboxOptions> mailbox, PartnershipDirectory directory, TimeProvider time) : IChatCommand
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    /// <summary>Teams shows pictures up to 1 MB.</summary>
    public const int MaxPngBytes = 1024 * 1024;

    public string Name => "stats";

    public string Usage => "stats [‹from date›] [‹to date›]";

    public string Summary => "Shows the partnership's Rapid Review figures for referrals received in a period (default: since 1 April): referrals by source, category and age band, decisions by outcome, working days from referral to each step and the share of each deadline met, with a chart; the CSV comes by email.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers(
        "Only a business manager can see the partnership's statistics.",
        "small counts of referrals by source and age band can point to a child");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = WorkingDayCalendar.LondonDate(time.GetUtcNow());
        if (Period(request.Arguments, today) is not { } period)
        {
            return CommandReply.Message($"Please type: {Usage}, with dates like 2026-04-01 or 1/4/2026, the first no later than the second, for example: stats 2026-04-01 2027-03-31. With no dates I count from 1 April to today.");
        }

        var stats = await reader.ReadAsync(period, cancellationToken).ConfigureAwait(false);
        var chart = StatsChart.Render(stats);
        var csv = StatsCsv.Write(stats);
        var delivery = await EmailAsync(request, period, csv, cancellationToken).ConfigureAwait(false);
        var summary = StatsCard.Summary(stats);
        if (chart.Length > MaxPngBytes)
        {
            return CommandReply.Message($"{summary} The chart is too large for Teams to show. {delivery}");
        }

        return CommandReply.WithCard(StatsCard.Build(stats, chart, delivery), summary);
    }

    /// <summary>From and to as typed; "from" alone runs to today; nothing means the financial year so far.</summary>
    internal static StatsPeriod? Period(string arguments, DateOnly today)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 2)
        {
            return null;
        }

        var dates = new List<DateOnly>();
        foreach (var word in words)
        {
            if (!DateOnly.TryParseExact(word, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date))
            {
                return null;
            }

            dates.Add(date);
        }

        var from = dates.Count > 0 ? dates[0] : new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);
        var to = dates.Count > 1 ? dates[1] : today;
        return from <= to ? new StatsPeriod(from, to) : null;
    }

    /// <summary>Emails the CSV to the business manager, once per set of figures; says what happened.</summary>
    private async Task<string> EmailAsync(CommandRequest request, StatsPeriod period, byte[] csv, CancellationToken cancellationToken)
    {
        var email = RequesterEmail.Of(directory, request.Sender.AadObjectId);
        if (email is null)
        {
            return "The CSV was not sent: the partnership lists no work email address for you (Partnership:People, Email).";
        }

        if (mailbox.Value.Mailbox is not { Length: > 0 } from)
        {
            return "The CSV was not sent: the bot has no partnership mailbox to send it from (Graph:Mailbox is not set).";
        }

        var name = StatsCsv.FileName(period);
        var sent = await mail.SendAsync(
            from,
            new OutboundMail(
                [email],
                $"Rapid Review statistics {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}",
                $"The partnership's Rapid Review figures for referrals received {BritishDates.Date(period.From)} to {BritishDates.Date(period.To)} are attached as a CSV file, one row per figure, for a spreadsheet.\n\nThe figures hold no child's details, but small counts can point to a child: please keep them within the partnership.\n",
                Attachments: [new OutboundAttachment(name, Csv.ContentType, csv)]),
            $"stats:{Convert.ToHexStringLower(SHA256.HashData(csv))[..16]}:{email.ToLowerInvariant()}",
            cancellationToken).ConfigureAwait(false);
        return sent.AlreadySent
            ? $"These same figures were already emailed to {email} as \"{name}\"."
            : $"The figures are emailed to {email} as \"{name}\" from the partnership mailbox.";
    }
}
