using TeamsReviewBot.Documents;
using TeamsReviewBot.Tests.Workflows.Report;

namespace TeamsReviewBot.Tests.Documents;

/// <summary>Each partnership's draft report: valid Open XML, and the headings its template gives.</summary>
public class RapidReviewReportTests
{
    private static ReportFacts Facts(string playbook) => new(
        "RR-TST-2026-0001",
        "Test Partnership",
        playbook,
        "Tuesday 1 December 2026",
        new ReportChild("Amelia Testchild", "Saturday 14 March 2026", "12 Example Street"),
        new ReportReferral("referral", "Monday 23 November 2026, 9 am", "Day 0", "Monday 23 November 2026", "Physical abuse", "Under 1", "Saturday 21 November 2026", "Hollybank Primary School", "Wednesday 25 November 2026, 11 am"),
        [new ReportDeadline("Rapid Review meeting", "Monday 7 December 2026, 5 pm", "Monday 7 December 2026, 12 noon")],
        new ReportDecision("Progression to Rapid Review", "panel", "Monday 23 November 2026, 11 am", "3 of 3 agreed.", [new ReportVote("Police", "Pat Okafor", false, "Progression to Rapid Review", "Police investigation opened.")]),
        [new ReportAgency("Children's Social Care", "returned", true, false, ["csc.docx"], "Monday 30 November 2026, 2 pm")],
        [new ChronologyRow(new DateOnly(2026, 10, 14), "14/10/2026", "10:30", "Home visit", "Bruising seen", "Social worker", "Children's Social Care")],
        [],
        new ReportMeeting("Monday 7 December 2026, 10 am", "Monday 7 December 2026, 12 noon", ["the police"], "yes", null, "Share missed appointments."),
        ["Police seat", "Health seat"],
        ["Monday 23 November 2026, 9 am — someone opened the case."]);

    [Theory]
    [InlineData("oldham", new[] { "1. Contributing Agencies and Family Structure", "2.1a From Case Referral", "2.3a SMART actions", "2.4b Decide if the case meets the threshold for a CPR and rationale", "3. Safeguarding Partners Decision" })]
    [InlineData("tameside", new[] { "1. Consideration against the criteria in Working Together", "2. Immediate safeguarding arrangements of any children involved", "9. Agencies involved in the Rapid Review", "11. Relevant identifying details of the child and family" })]
    [InlineData("salford", new[] { "Summary of discussion and findings", "Recommendation", "Endorsement" })]
    [InlineData("west-midlands", new[] { "Background Information", "List of Participants", "Section 1: Case Background", "Section 2: Consideration of Case, Criteria and Guidance", "2.3 Rapid Review Discussions", "Section 3: Recommendation", "Sign off" })]
    [InlineData("gloucestershire", new[] { "1. Family Background", "2. Rapid Review Details", "3. Report on Case under Review", "4. Other Relevant Information", "5. Identified Learning", "6. Recommendation", "7. Themes of Potential National Interest", "8. Decision to Proceed to LCSPR", "Report endorsed by" })]
    public void Each_template_is_valid_and_has_its_seed_headings_with_the_case_filled_in(string playbook, string[] headings)
    {
        var docx = RapidReviewReport.Write(Facts(playbook));

        var errors = DraftReportTests.ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = DraftReportTests.Paragraphs(docx);
        foreach (var heading in headings.Append("Appendix A: Dates and deadlines").Append("Appendix B: Actions taken on the case"))
        {
            Assert.Contains(heading, text);
        }

        Assert.Contains("Police investigation opened.", string.Join("\n", text), StringComparison.Ordinal);
        Assert.Contains("Home visit", text);
        Assert.Contains("Children's Social Care", text);
        Assert.Contains("Police seat", text);
        Assert.Contains(text, p => p.Contains("Share missed appointments.", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith(WordWriter.AuthorPlaceMark, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_playbook_has_a_report_template() =>
        Assert.All(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "playbooks"), "*.json"), file =>
            Assert.Contains(Path.GetFileNameWithoutExtension(file), RapidReviewReport.Layouts));

    [Fact]
    public async Task The_same_facts_make_the_same_file_so_its_hash_names_its_content()
    {
        var first = RapidReviewReport.Write(Facts("oldham"));
        await Task.Delay(TimeSpan.FromSeconds(2.1)); // zip timestamps have a two-second resolution
        Assert.Equal(first, RapidReviewReport.Write(Facts("oldham")));
        Assert.NotEqual(first, RapidReviewReport.Write(Facts("oldham") with { CaseCode = "RR-TST-2026-0002" }));
    }
}
