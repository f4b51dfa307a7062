using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

/// <summary>
/// Tameside's own PART A referral form is read as the GM form is (seed-001 Appendix A, L402–L507),
/// and Gloucestershire's Serious Incident Notification is told from a Case for Consideration
/// (seed-004 L54, L126: "All SIN are required to proceed to a Rapid Review"): each opens the right
/// kind of case.
/// </summary>
public sealed class TamesidePartAAndSinTests
{
    [Fact]
    public void Tameside_part_A_is_recognised_and_read_field_by_field_with_its_printed_labels()
    {
        var details = ReferralFormReader.Read(TamesidePartABuilder.Filled().Build()).Details!;

        Assert.StartsWith(TamesidePartAForm.Title, details.Source, StringComparison.Ordinal);
        Assert.Equal("Sam Teacher", details.Value("referrerName"));
        Assert.Equal("Designated Safeguarding Lead", details.Value("referrerRole"));
        Assert.Equal("Hollybank Primary School", details.Value("referrerOrganisation"));
        Assert.Equal("0161 000 0000", details.Value("referrerPhone"));
        Assert.Equal("2026-11-16", details.Value("incidentDate"));
        Assert.Equal("2026-11-18", details.Value("referralDate"));
        Assert.Contains("Child admitted to hospital with a head injury.", details.Value("incidentOutline"), StringComparison.Ordinal);
        Assert.Contains("Parents' account does not fit the injury.", details.Value("incidentOutline"), StringComparison.Ordinal);
        Assert.Equal("Non-accidental injury suspected by the treating consultant.", details.Value("abuseDetail"));
        Assert.Equal("Testchild", details.Value("childLastName"));
        Assert.Equal("Amelia", details.Value("childName"));
        Assert.Equal("2026-03-14", details.Value("childDateOfBirth"));
        Assert.Equal("Female", details.Value("childGender"));
        Assert.Equal("12 Example Street, Ashton-under-Lyne", details.Value("childHomeAddress"));
        Assert.Equal("Attendance monitoring; early help referral in October.", details.Value("agencyWork"));
        Assert.Equal("Serious harm with abuse suspected; several agencies knew the family.", details.Value("reasonForReferral"));
        // Left blank by the referrer: flagged, not guessed.
        Assert.NotEqual(FieldReading.Read, details.Field("childEthnicity")!.Reading);
        Assert.NotEqual(FieldReading.Read, details.Field("otherConsiderations")!.Reading);
    }

    [Fact]
    public void The_GM_form_is_not_mistaken_for_Tameside_part_A()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Build()).Details!;

        Assert.DoesNotContain(TamesidePartAForm.Title, details.Source, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> Kinds => new()
    {
        { "seed-004 L126 'All SIN are required to proceed to a Rapid Review': the subject names it", "Serious Incident Notification - Gloucestershire County Council", "The local authority has notified the National Panel.", CaseRules.SeriousIncidentNotification },
        { "seed-004 L86: the LA's notification may say SIN only in its text", "Notification from Children's Social Care", "Please treat this as a SIN.\nDate notified: 20/11/2026", CaseRules.SeriousIncidentNotification },
        { "seed-004 L86: a Case for Consideration is put to the partners", "Case for Consideration", "Please find the CFC form attached.", CaseRules.Referral },
        { "a lower-case 'sin' inside other words is not a notification", "Referral: single agency concern", "Using the basin incident as context.", CaseRules.Referral },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_notification_is_told_from_a_referral(string seedLine, string subject, string text, string expected)
    {
        Assert.True(expected == ReferralKindReader.Of(subject, text, null), seedLine);
    }

    [Fact]
    public void A_notification_email_carrying_a_Case_for_Consideration_form_is_a_referral()
    {
        var form = new ReferralDetails(CaseForConsiderationForm.Title + " (DOCX)", [], []);

        Assert.Equal(CaseRules.Referral, ReferralKindReader.Of("Serious Incident Notification", string.Empty, form));
    }

    [Fact]
    public async Task Tameside_part_A_emailed_to_the_mailbox_opens_a_referral_for_the_screening_panel()
    {
        await using var local = await LocalIntake.StartAsync(configure: s => s["Intake:Partnership"] = "tameside");

        await local.DeliverAsync(TestMail.Referral(TamesidePartABuilder.Filled().Build(), "Appendix A Rapid Review Referral Form PART A.docx"));
        await local.SettledAsync(1);

        var opened = Assert.Single(await CasesAsync(local, "tameside"));
        Assert.StartsWith("RR-TAM-", opened.CaseCode, StringComparison.Ordinal);
        var events = await local.CaseEventsAsync(opened.CaseCode);
        Assert.Equal(CaseRules.Referral, Read<CaseOpened>(events, CaseEventTypes.CaseOpened).ReferralKind);
        Assert.DoesNotContain(events, e => e.Type == CaseEventTypes.DecisionRecorded);
        var received = events.Single(e => e.Type == "ReferralReceived").Data;
        Assert.Contains(TamesidePartAForm.Title, received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Gloucestershire_SIN_email_opens_straight_into_a_Rapid_Review_without_a_vote()
    {
        await using var local = await LocalIntake.StartAsync(configure: s => s["Intake:Partnership"] = "gloucestershire");
        var text = string.Join('\n',
            "Serious Incident Notification",
            "The local authority has notified the National Panel of the serious incident below.",
            "Agency: Gloucestershire County Council Children's Social Care",
            "Name / Role: Duty Team Manager",
            "Case Summary: A two-year-old admitted to hospital with injuries consistent with shaking.",
            "What harm has come to the child: Brain injury.");

        await local.DeliverAsync(TestMail.Plain("Serious Incident Notification", text, from: "duty.manager@council.example"));
        await local.SettledAsync(1);

        var opened = Assert.Single(await CasesAsync(local, "gloucestershire"));
        Assert.StartsWith("RR-GLO-", opened.CaseCode, StringComparison.Ordinal);
        var events = await local.CaseEventsAsync(opened.CaseCode);
        Assert.Equal(CaseRules.SeriousIncidentNotification, Read<CaseOpened>(events, CaseEventTypes.CaseOpened).ReferralKind);
        var decision = Read<DecisionRecorded>(events, CaseEventTypes.DecisionRecorded);
        Assert.Equal("rapid-review", decision.Outcome);
        Assert.Equal("rule", decision.DecidedBy);
        Assert.DoesNotContain(events, e => e.Type == CaseEventTypes.VoteCast);
    }

    private static Task<IReadOnlyList<CaseIndexEntry>> CasesAsync(LocalIntake local, string partnership) =>
        local.Services.GetRequiredService<CaseIndexStore>().ListAsync(partnership);

    private static T Read<T>(IEnumerable<StoredEvent> events, string type) => CaseJson.Read<T>(events.Single(e => e.Type == type).Data);
}
