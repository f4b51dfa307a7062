using System.Text.RegularExpressions;
using TeamsReviewBot.Process.Calendar;

namespace TeamsReviewBot.Process.Playbooks;

/// <summary>Checks a playbook's values against each other: every reference resolves, every count is
/// possible, every value cites its source. The first problem found stops the load.</summary>
internal static partial class PlaybookValidator
{
    private static readonly HashSet<string> DayZeroKinds = new(StringComparer.Ordinal) { "referral-received", "notification-received", "became-aware" };
    private static readonly HashSet<string> Endorsements = new(StringComparer.Ordinal) { "required", "optional", "none" };

    public static void Validate(string file, string expectedKey, Playbook p)
    {
        void Fail(string field, string reason) => throw new PlaybookException(file, field, reason);

        if (!string.Equals(p.Key, expectedKey, StringComparison.Ordinal))
        {
            Fail("key", $"is '{p.Key}' but the file is named {expectedKey}.json; they must match.");
        }

        Require(string.IsNullOrWhiteSpace(p.Name), "name", "is empty.");
        Require(!CaseCodePrefix().IsMatch(p.CaseCode.Prefix), "caseCode.prefix", $"'{p.CaseCode.Prefix}' is not of the form RR-XXX (2 to 4 capital letters).");
        Require(!IsAddress(p.Mailbox.Address), "mailbox.address", $"'{p.Mailbox.Address}' is not an email address.");
        Require(!IsAddress(p.Submission.Address), "submission.address", $"'{p.Submission.Address}' is not an email address.");
        Require(!DayZeroKinds.Contains(p.Clock.DayZero), "clock.dayZero", $"'{p.Clock.DayZero}' is not one of {string.Join(", ", DayZeroKinds)}.");
        Require(p.Clock.WorkingDayStarts >= p.Clock.WorkingDayEnds, "clock.workingDayEnds", "must be later than clock.workingDayStarts.");
        Require(p.ReportDraft is { WorkingDay: < 0 }, "reportDraft.workingDay", "must be 0 (Day 0) or a later working day.");
        Require(p.Clock.WorkingDayOne == WorkingDayOne.NotificationDay && p.ReportDraft is { WorkingDay: < 1 }, "reportDraft.workingDay", "must be working day 1 (the notification day, clock.workingDayOne) or later.");
        Require(p.DigestTime >= p.Clock.WorkingDayEnds, "digest.time", $"is {BritishDates.Time(p.DigestTime)}, not before clock.workingDayEnds ({BritishDates.Time(p.Clock.WorkingDayEnds)}): a morning digest must arrive while the working day can still act on it.");

        Require(p.CrossBoundary is { LocalAuthorities.Count: 0 }, "crossBoundary.localAuthorities", "is empty: name the local authorities the partnership covers, as the referral form spells them.");
        Require(p.CrossBoundary is { Lead: CrossBoundaryLead.Choice, Choice: null or "" }, "crossBoundary.choice", "must say what the business managers decide when the seed is silent on who leads.");
        CheckSources(p, Fail);

        var seatKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Seats.Count; i++)
        {
            Require(!seatKeys.Add(p.Seats[i].Key), $"seats[{i}].key", $"'{p.Seats[i].Key}' is used twice.");
        }

        var voters = p.Seats.Count(s => s.Votes);
        Require(voters == 0, "seats", "no seat votes on the threshold decision.");
        Require(p.Decision.Quorum < 1 || p.Decision.Quorum > voters, "decision.quorum", $"is {p.Decision.Quorum} but there are {voters} voting seats.");
        CheckWindow(p.Decision.Window, "decision.window", Fail);

        var outcomeKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Outcomes.Count; i++)
        {
            Require(!outcomeKeys.Add(p.Outcomes[i].Key), $"outcomes[{i}].key", $"'{p.Outcomes[i].Key}' is used twice.");
        }

        Require(p.Outcomes.Count(o => o.Kind == OutcomeKind.RapidReview) != 1, "outcomes", "there must be exactly one outcome of kind rapid-review.");
        if (p.Decision.Method == DecisionMethod.SplitProceeds)
        {
            Require(p.Decision.ProceedOnSplit is null || !outcomeKeys.Contains(p.Decision.ProceedOnSplit), "decision.proceedOnSplit", "must name an outcome when the method is split-proceeds.");
        }

        Require(p.Decision.QuorumDecidesAtOnce && p.Decision.Method != DecisionMethod.MajorityWithQuorum, "decision.quorumDecidesAtOnce", "applies only to the majority-with-quorum method.");
        Require(p.Decision.MajorityAfterConsultationWith is { } consulted && !seatKeys.Contains(consulted), "decision.majorityAfterConsultationWith", $"'{p.Decision.MajorityAfterConsultationWith}' is not a seat of this playbook.");
        Require(p.Decision.Dispute is not null && p.Decision.Method != DecisionMethod.Unanimous, "decision.dispute", "applies only to the unanimous method: a dispute is a disagreement the votes cannot settle.");
        foreach (var (recipient, i) in (p.Decision.Dispute?.Recipients ?? []).Select((r, i) => (r, i)))
        {
            Require(!seatKeys.Contains(recipient), $"decision.dispute.recipients[{i}]", $"'{recipient}' is not a seat of this playbook.");
        }

        foreach (var (outcome, i) in (p.Decision.BusinessManagerMayDecideAlone ?? []).Select((o, i) => (o, i)))
        {
            Require(!outcomeKeys.Contains(outcome), $"decision.businessManagerMayDecideAlone[{i}]", $"'{outcome}' is not an outcome of this playbook.");
        }

        CheckDeadlines(p, Fail);

        var deadlineKeys = p.Deadlines.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        void RequireDeadline(string? key, string field)
        {
            if (key is not null && !deadlineKeys.Contains(key))
            {
                Fail(field, $"'{key}' is not a deadline of this playbook.");
            }
        }

        var decision = p.FindDeadline("decision");
        Require(decision is null || decision.CompletedBy != Milestones.Decision, "deadlines", "there must be a deadline 'decision' completed by the decision; it is the decision window.");
        Require(decision is not null && (decision.Due.Hours != p.Decision.Window.Hours || decision.Due.WorkingDays != p.Decision.Window.WorkingDays), "decision.window", "does not match the 'decision' deadline; the two must say the same.");
        RequireDeadline(p.Decision.Dispute?.DueBy, "decision.dispute.dueBy");
        RequireDeadline(p.InformationRequests.SendBy, "informationRequests.sendBy");
        RequireDeadline(p.InformationRequests.ReturnsDue, "informationRequests.returnsDue");
        Require(p.InformationRequests.Templates.Count == 0, "informationRequests.templates", "names no template.");
        Require(p.InformationRequests.Sending is null, "informationRequests.sending", "is missing: say whether the requests go out on the send day (send-day) or as soon as the business manager sends them (at-once), citing the seed's line on when they go.");
        RequireDeadline(p.Meeting.Deadline, "meeting.deadline");
        RequireDeadline(p.SignOff.Deadline, "signOff.deadline");
        RequireDeadline(p.SignOff.Comments?.Deadline, "signOff.comments.deadline");
        RequireDeadline(p.Submission.Deadline, "submission.deadline");
        for (var i = 0; i < p.Afterwards.Count; i++)
        {
            RequireDeadline(p.Afterwards[i].Deadline, $"afterwards[{i}].deadline");
        }

        var partners = p.Seats.Select(s => s.Partner).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < p.Meeting.QuorumPartners.Count; i++)
        {
            Require(!partners.Contains(p.Meeting.QuorumPartners[i]), $"meeting.quorumPartners[{i}]", $"'{p.Meeting.QuorumPartners[i]}' is no seat's partner.");
        }

        Require(p.Meeting.SignOffSlot is { Minutes: < 15 or > 120 }, "meeting.signOffSlot.minutes", "must be 15 to 120 minutes: the slot is booked inside a working day.");

        for (var i = 0; i < p.SignOff.Seats.Count; i++)
        {
            var seat = p.FindSeat(p.SignOff.Seats[i]);
            Require(seat is null, $"signOff.seats[{i}]", $"'{p.SignOff.Seats[i]}' is not a seat.");
            Require(seat is { SignsOff: false }, $"signOff.seats[{i}]", $"seat '{p.SignOff.Seats[i]}' does not sign off (signsOff is false).");
        }

        if (p.SignOff.ComplianceCheck is { } check)
        {
            Require(p.FindSeat(check.Seat) is not { Partner: "business-manager" }, "signOff.complianceCheck.seat", $"'{check.Seat}' must be a business manager's seat.");
        }

        for (var i = 0; i < p.SignOff.RemindersOrNone.Count; i++)
        {
            Require(p.SignOff.RemindersOrNone[i].WorkingDaysBefore < 0, $"signOff.reminders[{i}].workingDaysBefore", "must be 0 (the deadline's own day) or more.");
        }

        for (var i = 0; i < p.Submission.RemindersOrNone.Count; i++)
        {
            Require(p.Submission.RemindersOrNone[i].WorkingDaysBefore < 0, $"submission.reminders[{i}].workingDaysBefore", "must be 0 (the deadline's own day) or more.");
        }

        Require(p.SignOff.Required < 1 || p.SignOff.Required > p.SignOff.Seats.Count, "signOff.required", $"is {p.SignOff.Required} but {p.SignOff.Seats.Count} seats sign off.");
        Require(!Endorsements.Contains(p.SignOff.IndependentEndorsement), "signOff.independentEndorsement", "must be required, optional or none.");
        if (p.SignOff.IndependentEndorsement != "none")
        {
            Require(p.SignOff.IndependentSeat is null || p.FindSeat(p.SignOff.IndependentSeat) is null, "signOff.independentSeat", "must name a seat when an independent endorsement is required or optional.");
        }

        void Require(bool failed, string field, string reason)
        {
            if (failed)
            {
                Fail(field, reason);
            }
        }
    }

    private static void CheckDeadlines(Playbook p, Action<string, string> fail)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Deadlines.Count; i++)
        {
            var d = p.Deadlines[i];
            var at = $"deadlines[{i}]";
            if (!keys.Add(d.Key))
            {
                fail($"{at}.key", $"'{d.Key}' is used twice.");
            }

            if (string.IsNullOrWhiteSpace(d.Name))
            {
                fail($"{at}.name", "is empty.");
            }

            if (!Milestones.All.Contains(d.CompletedBy))
            {
                fail($"{at}.completedBy", $"'{d.CompletedBy}' is not one of {string.Join(", ", Milestones.All)}.");
            }

            CheckOffset(d.Due, $"{at}.due", fail);
            if (d.Earliest is not null)
            {
                CheckOffset(d.Earliest, $"{at}.earliest", fail);
            }

            if (d.Due.Hours is not null && d.Time is not null)
            {
                fail($"{at}.time", "a deadline counted in hours already has its time of day.");
            }

            // Where working day 1 is the notification day there is no working day 0 to count to.
            if (p.Clock.WorkingDayOne == WorkingDayOne.NotificationDay && d.Anchor == "day0" && (d.Due.WorkingDays < 1 || d.Earliest?.WorkingDays < 1))
            {
                fail(d.Due.WorkingDays < 1 ? $"{at}.due" : $"{at}.earliest", "counts from working day 1, the notification day (clock.workingDayOne is notification-day), so it must name working day 1 or later.");
            }

            if (d.Owner is not null && (p.FindSeat(d.Owner) is null || d.CompletedBy != Milestones.Step))
            {
                fail($"{at}.owner", $"'{d.Owner}' must be a seat of this playbook, on a step marked done by hand (completedBy step).");
            }
        }

        for (var i = 0; i < p.Deadlines.Count; i++)
        {
            var d = p.Deadlines[i];
            if (d.Anchor is not ("day0" or "received" or DeadlineRule.NationalPanelExpects) && !keys.Contains(d.Anchor))
            {
                fail($"deadlines[{i}].anchor", $"'{d.Anchor}' is not day0, received or a deadline of this playbook (or {DeadlineRule.NationalPanelExpects}).");
            }

            if (d.NotLaterThan is not null && !keys.Contains(d.NotLaterThan))
            {
                fail($"deadlines[{i}].notLaterThan", $"'{d.NotLaterThan}' is not a deadline of this playbook.");
            }

            // Follow the anchors: they must end at day0 or received, never come round again.
            var seen = new HashSet<string>(StringComparer.Ordinal) { d.Key };
            var anchor = d.Anchor;
            while (anchor is not ("day0" or "received" or DeadlineRule.NationalPanelExpects))
            {
                if (!seen.Add(anchor))
                {
                    fail($"deadlines[{i}].anchor", $"the anchors of '{d.Key}' go round in a circle through '{anchor}'.");
                }

                anchor = p.FindDeadline(anchor)!.Anchor;
            }
        }
    }

    private static void CheckOffset(Offset offset, string field, Action<string, string> fail)
    {
        var amounts = new int?[] { offset.WorkingDays, offset.Hours, offset.CalendarDays, offset.Weeks, offset.Months }.Count(a => a is not null);
        if (amounts != 1)
        {
            fail(field, "must give exactly one of workingDays, hours, calendarDays, weeks or months.");
        }

        if (offset.Roll is not (null or "next-working-day" or "previous-working-day"))
        {
            fail($"{field}.roll", $"'{offset.Roll}' is not next-working-day or previous-working-day.");
        }
    }

    private static void CheckWindow(Window window, string field, Action<string, string> fail)
    {
        if ((window.Hours is null) == (window.WorkingDays is null))
        {
            fail(field, "must give exactly one of hours or workingDays.");
        }
    }

    private static void CheckSources(Playbook p, Action<string, string> fail)
    {
        foreach (var (field, value) in p.CitedValues())
        {
            if (string.IsNullOrWhiteSpace(value.Source))
            {
                fail($"{field}.source", "is empty; every playbook value cites the seed rule it encodes.");
            }
        }
    }

    private static bool IsAddress(string address) => MailAddress().IsMatch(address);

    [GeneratedRegex("^RR-[A-Z]{2,4}$")]
    private static partial Regex CaseCodePrefix();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex MailAddress();
}
