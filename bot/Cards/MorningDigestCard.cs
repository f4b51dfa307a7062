using System.Globalization;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Digest;

namespace TeamsReviewBot.Cards;

/// <summary>The business manager's working-morning digest as one card for their personal chat: each
/// section a heading and its lines by case code; never a child's details or a mail's subject.</summary>
public static class MorningDigestCard
{
    private const int MailShown = 10;

    public static JsonObject Build(MorningDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var day = WorkingDayCalendar.LondonDate(digest.At);
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Your working morning: {BritishDates.Date(day)}"),
            AdaptiveCard.Text(Summary(digest), subtle: true),
        };
        Section(body, $"Overdue ({digest.Overdue.Count})", digest.Overdue.Select(d => (d.CaseCode, $"{d.Name}: was due {BritishDates.DateAndTime(d.DueAt)}")));
        Section(body, $"Due today ({digest.DueToday.Count})", digest.DueToday.Select(d => (d.CaseCode, $"{d.Name}: by {BritishDates.Time(TimeOnly.FromDateTime(WorkingDayCalendar.ToLondon(d.DueAt).DateTime))}")));
        Section(body, $"Due in the next {MorningDigestRules.SoonWorkingDays} working days ({digest.DueSoon.Count})", digest.DueSoon.Select(d => (d.CaseCode, $"{d.Name}: {BritishDates.DateAndTime(d.DueAt)}")));
        Section(body, $"Decisions waiting ({digest.Decisions.Count})", digest.Decisions.Select(w => (w.CaseCode, Waiting(w))));
        Section(body, $"Sign-offs waiting ({digest.SignOffs.Count})", digest.SignOffs.Select(w => (w.CaseCode, Waiting(w))));
        body.Add(AdaptiveCard.Heading($"Mail waiting for a person ({digest.Mail.Count})"));
        if (digest.Mail.Count == 0)
        {
            body.Add(AdaptiveCard.Text("Nothing.", subtle: true));
        }
        else
        {
            foreach (var mail in digest.Mail.Take(MailShown))
            {
                var link = mail.WebLink is null ? string.Empty : $" [Open in Outlook]({mail.WebLink})";
                var about = mail.CaseCode is null ? string.Empty : $" ({mail.CaseCode})";
                body.Add(AdaptiveCard.Text($"{BritishDates.DateAndTime(mail.ReceivedAt)} from {mail.From ?? "an unknown sender"}{about}: {mail.Reason}{link}"));
            }

            if (digest.Mail.Count > MailShown)
            {
                body.Add(AdaptiveCard.Text($"…and {digest.Mail.Count - MailShown} more: type \"mail\" for the whole list.", subtle: true));
            }
        }

        return AdaptiveCard.Create(body);
    }

    /// <summary>One line saying how much the card holds, also sent as the message's text.</summary>
    public static string Summary(MorningDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return digest.IsQuiet
            ? "Nothing is overdue, due or waiting today."
            : string.Create(CultureInfo.InvariantCulture, $"Overdue {digest.Overdue.Count}, due today {digest.DueToday.Count}, due in the next {MorningDigestRules.SoonWorkingDays} working days {digest.DueSoon.Count}; waiting: decisions {digest.Decisions.Count}, sign-offs {digest.SignOffs.Count}, mail {digest.Mail.Count}.");
    }

    private static string Waiting(DigestWait wait) =>
        wait.On.Count == 0 ? $"{wait.What}: every seat has answered and the playbook's rule has not settled it" : $"{wait.What}: waiting for {string.Join("; ", wait.On)}";

    private static void Section(List<JsonNode> body, string heading, IEnumerable<(string CaseCode, string Line)> lines)
    {
        body.Add(AdaptiveCard.Heading(heading));
        var facts = lines.ToList();
        body.Add(facts.Count == 0 ? AdaptiveCard.Text("Nothing.", subtle: true) : AdaptiveCard.Facts(facts));
    }
}
