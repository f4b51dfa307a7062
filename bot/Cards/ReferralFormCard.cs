using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Cards;

/// <summary>
/// The form a business manager fills in to open a case by hand, with the fields of a referral.
/// Its inputs travel only in the invoke to the bot, never into a channel message; the answer
/// replaces the form with the case code and no child's details.
/// </summary>
public static class ReferralFormCard
{
    public const string SubmitVerb = "refer";

    public static readonly IReadOnlyList<string> AgeBands = ["Under 1", "1 to 4", "5 to 10", "11 to 15", "16 to 17"];

    public static JsonObject Build(IReadOnlyList<(string Key, string Name)> partnerships, string? defaultPartnership, string formId, DateOnly today)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading("Open a case from a referral"),
            AdaptiveCard.Text("The child's name, date of birth and address are kept with the case and shown only to panel members who ask to see them; the panel channel sees the case code and the facts below.", subtle: true),
            CardInputs.Choice("partnership", "Partnership", partnerships.Select(p => (p.Name, p.Key)), defaultPartnership ?? (partnerships.Count == 1 ? partnerships[0].Key : null), required: true, errorMessage: "Please choose the partnership."),
            CardInputs.Choice("referralKind", "What arrived", [("Referral", "referral"), ("Serious Incident Notification", "serious-incident-notification")], "referral", required: true, errorMessage: "Please say what arrived."),
            CardInputs.Date("receivedOn", "Date the referral was received", today, required: true, errorMessage: "Please give the date it was received."),
            new JsonObject { ["type"] = "Input.Time", ["id"] = "receivedAt", ["label"] = "Time it was received", ["value"] = "09:00", ["isRequired"] = true, ["errorMessage"] = "Please give the time it was received." },
            CardInputs.Choice("incidentCategory", "Incident category", IncidentCategories.Choices.Select(c => (c, c)), required: true, errorMessage: "Please choose the incident category."),
            CardInputs.Choice("ageBand", "Child's age band", AgeBands.Select(b => (b, b)), required: true, errorMessage: "Please choose the age band."),
            CardInputs.Date("incidentDate", "Date of the incident", required: true, errorMessage: "Please give the date of the incident."),
            CardInputs.Text("referringOrganisation", "Referring organisation", required: true, errorMessage: "Please give the referring organisation."),
            CardInputs.Text("referrerEmail", "Referrer's email (the decision is sent here)", required: true, errorMessage: "Please give the referrer's email address."),
            AdaptiveCard.Text("**The child (shown only to authorised members)**"),
            CardInputs.Text("childName", "Child's name", required: true, errorMessage: "Please give the child's name."),
            CardInputs.Date("childDateOfBirth", "Child's date of birth", required: true, errorMessage: "Please give the child's date of birth."),
            CardInputs.Text("childAddress", "Child's address", required: true, errorMessage: "Please give the child's address.", multiline: true),
        };
        return AdaptiveCard.Create(body, [AdaptiveCard.ExecuteAction("Open the case and put it to the panel", SubmitVerb, new JsonObject { ["formId"] = formId })]);
    }

    /// <summary>What replaces the form once the case is open: the case code, never the child's details.</summary>
    public static JsonObject Opened(string caseCode, string partnershipName, string? threadFailure, bool threadPosted = true) => AdaptiveCard.Create(
    [
        AdaptiveCard.Heading($"Case {caseCode} opened"),
        AdaptiveCard.Text(partnershipName, subtle: true),
        AdaptiveCard.Text(threadFailure is not null
            ? $"The case is open, but I could not post it to the panel channel: {threadFailure}. Fix that, then type: put-to-panel {caseCode}"
            : threadPosted
                ? "The case is in the panel channel with a card for each voting member. The referral's details are kept with the case."
                : "The case is put to the panel: its thread, with a card for each voting member, is being posted in the panel channel now. The referral's details are kept with the case."),
    ]);
}
