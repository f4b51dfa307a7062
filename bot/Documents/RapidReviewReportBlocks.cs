using System.Globalization;

namespace TeamsReviewBot.Documents;

/// <summary>
/// The parts of a draft Rapid Review report that are filled from the case, each under whatever
/// heading the partnership's template gives it (<see cref="RapidReviewReport"/>). Nothing here is
/// invented: a fact the case does not hold is written as "not recorded on the case", and what only
/// the author can write is left as a marked place.
/// </summary>
internal sealed class RapidReviewReportBlocks(WordWriter writer, ReportFacts facts)
{
    public const string NotRecorded = "not recorded on the case";

    public WordWriter Writer => writer;

    public ReportFacts Facts => facts;

    public void Title(string title)
    {
        writer.Heading($"{title} – {facts.CaseCode}")
            .Paragraph("CONFIDENTIAL WHEN COMPLETED", bold: true)
            .Paragraph($"{facts.PartnershipName}. Draft generated {facts.GeneratedOn} from case {facts.CaseCode}: the facts below come from the case record; the highlighted places are for the author.", italic: true);
    }

    public void ChildName() => writer.Field("Child's name", facts.Child?.Name ?? NotRecorded);

    public void ChildDateOfBirth() => writer.Field("Date of birth", facts.Child?.DateOfBirth ?? NotRecorded);

    public void ChildAddress() => writer.Field("Address", facts.Child?.Address ?? NotRecorded);

    public void IncidentDate(string label = "Date of serious incident / death") => writer.Field(label, facts.Referral.IncidentDate);

    public void ReferralDate(string label = "Date of referral") => writer.Field(label, facts.Referral.ReceivedAt);

    public void NotificationDate(string label) => writer.Field(label, facts.Referral.NationalPanelNotified);

    public void MeetingDate(string label = "Date of Rapid Review meeting") =>
        writer.Field(label, facts.Meeting.BookedFor ?? NotRecorded);

    /// <summary>The referral's facts as the case holds them.</summary>
    public void Referral()
    {
        writer.Field("Referral", facts.Referral.Kind)
            .Field("Received", facts.Referral.ReceivedAt)
            .Field(facts.Referral.DayZeroLabel, facts.Referral.DayZero)
            .Field("Referred by", facts.Referral.ReferringOrganisation)
            .Field("Category of incident", facts.Referral.IncidentCategory)
            .Field("Age of the child", facts.Referral.AgeBand)
            .Field("Date of the incident", facts.Referral.IncidentDate)
            .Field("National Panel notified", facts.Referral.NationalPanelNotified);
    }

    /// <summary>The threshold decision with every seat's rationale.</summary>
    public void ThresholdDecision()
    {
        if (facts.Decision is not { } decision)
        {
            writer.Paragraph($"The threshold decision is {NotRecorded}.");
            return;
        }

        writer.Field("Decision", decision.Outcome)
            .Field("Decided", $"{decision.DecidedAt}, {decision.DecidedBy}")
            .Field("Rationale", decision.Rationale);
        if (decision.Votes.Count > 0)
        {
            writer.Table(
                ["Name", "Agency / role", "Decision and rationale"],
                decision.Votes.Select(v => (IReadOnlyList<string>)[v.Voter, v.ByDeputy ? $"{v.Seat} (as deputy)" : v.Seat, $"{v.Outcome}: {v.Rationale}"]));
        }
    }

    /// <summary>The agencies asked for information and what each returned.</summary>
    public void Agencies()
    {
        if (facts.Agencies.Count == 0)
        {
            writer.Paragraph($"Agencies asked for information: {NotRecorded}.");
            return;
        }

        writer.Table(
            ["Agency", "Return", "Files returned", "Last reply"],
            facts.Agencies.Select(a => (IReadOnlyList<string>)[a.Name, a.Status, a.Files.Count == 0 ? "none" : string.Join(", ", a.Files), a.LastReplyAt ?? "no reply"]));
    }

    public void AgenciesWithNoContact()
    {
        var none = facts.Agencies.Where(a => a.NoRecords).Select(a => a.Name).ToList();
        writer.Paragraph(none.Count == 0 ? "No agency has said it had no contact with the child or family." : string.Join("\n", none));
    }

    /// <summary>Agencies whose return has not come in: a gap the author explains.</summary>
    public void MissingReturns()
    {
        var missing = facts.Agencies.Where(a => !a.Returned && !a.NoRecords).Select(a => $"{a.Name} ({a.Status})").ToList();
        writer.Paragraph(missing.Count == 0
            ? "Every agency asked has returned its information or said it had no contact."
            : "Returns not received: " + string.Join("; ", missing) + ".");
    }

    /// <summary>The merged multi-agency chronology, oldest first, with the agency on every row.</summary>
    public void Chronology()
    {
        if (facts.Chronology.Count == 0)
        {
            writer.Paragraph("No agency chronology has been returned in a form the bot could read, so there is no merged chronology yet.");
        }
        else
        {
            writer.Paragraph($"Merged from the agencies' returns ({facts.Chronology.Count} entries, oldest first).")
                .Table(ChronologyColumns.MergedHeader, facts.Chronology.Select(r => (IReadOnlyList<string>)
                    [r.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? r.DateAsWritten, r.Time, r.Source, r.Event, r.Outcome, r.Practitioner]));
        }

        foreach (var unread in facts.ChronologyNotRead)
        {
            writer.Paragraph($"Not merged: {unread}.", italic: true);
        }
    }

    /// <summary>The meeting: when, who was present, and what it concluded.</summary>
    public void Meeting()
    {
        var m = facts.Meeting;
        writer.Field("Meeting", m.BookedFor is not { } booked ? NotRecorded : m.HeldAt is { } held ? $"{booked} (recorded as held {held})" : $"booked for {booked}, not yet recorded as held")
            .Field("Partners present", m.PartnersPresent.Count == 0 ? NotRecorded : string.Join("; ", m.PartnersPresent))
            .Field("Practice review recommended", m.ReviewRecommended ?? NotRecorded);
        if (m.LeadReviewer is { Length: > 0 } lead)
        {
            writer.Field("Lead reviewer", lead);
        }
    }

    /// <summary>The learning the meeting recorded, then a place for the author to complete it.</summary>
    public void Learning(string guidance)
    {
        if (facts.Meeting.Learning is { Length: > 0 } learning)
        {
            writer.Paragraph("Learning noted at the meeting:", bold: true).Paragraph(learning);
        }

        writer.AuthorPlace(guidance);
    }

    /// <summary>A SMART actions table for the author, with numbered empty rows as the template has.</summary>
    public void ActionsTable(IReadOnlyList<string> header, int rows)
    {
        writer.AuthorPlace("agree the actions at the meeting and write each one as specific, measurable, achievable, realistic and timed.")
            .Table(header, Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[.. new[] { i.ToString(CultureInfo.InvariantCulture) + "." }.Concat(Enumerable.Repeat(string.Empty, header.Count - 1))]));
    }

    /// <summary>A signature block for each seat whose sign-off the playbook needs.</summary>
    public void SignatureBlocks(IReadOnlyList<string> fields)
    {
        foreach (var seat in facts.SignatorySeats)
        {
            writer.Subheading(seat);
            foreach (var field in fields)
            {
                writer.Field(field);
            }
        }
    }

    /// <summary>The case's dates and deadlines, and the record of what was done when: the appendices every draft ends with.</summary>
    public void Appendices()
    {
        writer.Heading("Appendix A: Dates and deadlines", 26)
            .Table(["Step", "Due", "Done"], facts.Timetable.Select(d => (IReadOnlyList<string>)[d.Name, d.DueAt, d.Done]));
        writer.Heading("Appendix B: Actions taken on the case", 26)
            .Paragraph("The case's record, as the bot keeps it (who did what and when).", italic: true);
        foreach (var line in facts.CaseRecord)
        {
            writer.Paragraph(line);
        }
    }
}
