using System.Globalization;
using System.Net.Mail;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;

/// <summary>
/// The refer form submitted: checks every field, reserves one case code for the form, opens that
/// case once (a second click finds it open) and puts it to the panel. A failure part-way leaves the
/// form's code reserved and the case unopened, so pressing again opens it. Business managers only.
/// </summary>
public sealed class ReferCardHandler(OpenCase opening, PlaybookCatalogue playbooks, IdempotencyStore once) : ICardActionHandler
{
    private const string FormScope = "refer-form";

    public string Verb => ReferralFormCard.SubmitVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager };

    public string RefusalSentence => "Only a business manager can open a case.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.IsAutomaticRefresh)
        {
            return CardActionResult.Message("Fill in the form and press the button to open the case.");
        }

        var problems = new List<string>();
        string Need(string key, string what)
        {
            var value = action.DataString(key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                problems.Add(what);
            }

            return value ?? string.Empty;
        }

        DateOnly NeedDate(string key, string what)
        {
            if (DateOnly.TryParseExact(action.DataString(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add(what);
            return default;
        }

        var formId = Need("formId", "the form's id (type refer for a fresh form)");
        var partnership = Need("partnership", "the partnership");
        var kind = Need("referralKind", "what arrived");
        var receivedOn = NeedDate("receivedOn", "the date it was received");
        var receivedTime = TimeOnly.TryParseExact(action.DataString("receivedAt"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(9, 0);
        // A closed list, so nothing typed reaches the channel card.
        var category = Need("incidentCategory", "the incident category");
        if (category.Length > 0 && !IncidentCategories.Choices.Contains(category, StringComparer.Ordinal))
        {
            problems.Add("the incident category as one of the form's choices");
        }

        var ageBand = Need("ageBand", "the age band");
        var incidentDate = NeedDate("incidentDate", "the date of the incident");
        var organisation = Need("referringOrganisation", "the referring organisation");
        var referrer = Need("referrerEmail", "the referrer's email");
        var childName = Need("childName", "the child's name");
        var dob = NeedDate("childDateOfBirth", "the child's date of birth");
        var address = Need("childAddress", "the child's address");
        if (referrer.Length > 0 && !MailAddress.TryCreate(referrer, out _))
        {
            problems.Add("a valid email address for the referrer");
        }

        if (problems.Count > 0)
        {
            return CardActionResult.Message($"Please give {string.Join(", ", problems)}. Nothing was recorded; your form is as you left it.");
        }

        if (incidentDate > receivedOn || dob > incidentDate)
        {
            return CardActionResult.Message("The dates do not fit together: the child's date of birth must come before the incident, and the incident before the referral. Nothing was recorded.");
        }

        var form = new ReferralForm(
            partnership,
            kind,
            WorkingDayCalendar.AtLondon(receivedOn, receivedTime),
            new ReferralSummary(category, ageBand, incidentDate, organisation, referrer),
            new ChildDetails(childName, dob, address));
        if (opening.Check(form) is { } problem)
        {
            return CardActionResult.Message(problem + " Nothing was recorded; your form is as you left it.");
        }

        try
        {
            // The claim is an insert: only a form pressed again reads the code its first press claimed.
            var fresh = await opening.NextCodeAsync(form, cancellationToken).ConfigureAwait(false);
            var code = await once.ClaimWithValueAsync(FormScope, formId, fresh, cancellationToken).ConfigureAwait(false);
            if (code != fresh)
            {
                await opening.GiveBackCodeAsync(fresh, cancellationToken).ConfigureAwait(false);
            }

            if (code is { Length: 0 })
            {
                // Claimed before forms kept their case code: the case it opened cannot be told.
                return CardActionResult.Message("This form has already opened a case. Type refer for a new form.");
            }

            var opened = await opening.OpenAsync(code, form, action.Actor, cancellationToken).ConfigureAwait(false);
            if (opened.WasOpenAlready)
            {
                return CardActionResult.Message($"This form has already opened case {opened.CaseCode}. Type refer for a new form.");
            }

            return CardActionResult.Card(ReferralFormCard.Opened(opened.CaseCode, playbooks.Get(partnership).Name, opened.ThreadFailure, opened.ThreadPosted));
        }
        catch (CaseRuleException ex)
        {
            return CardActionResult.Message(ex.Message + " Nothing was recorded.");
        }
    }
}
