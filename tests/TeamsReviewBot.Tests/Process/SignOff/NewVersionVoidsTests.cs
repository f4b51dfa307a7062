using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Tests.Process.Cases;
using static TeamsReviewBot.Tests.Process.Cases.CaseHarness;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.SignOff;

/// <summary>What a new report version would void, as named before a version attached in chat is stored,
/// against what the case fold then voids; and a version agreed on a stale picture adds nothing.</summary>
public sealed class NewVersionVoidsTests
{
    private const string FirstHash = "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111";
    private const string SecondHash = "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222";

    private static CaseHarness WithReport(string partnership)
    {
        var harness = new CaseHarness(partnership, London(2027, 1, 11, 10));
        harness.Do((r, s, now) => r.PutToPanel(s, BusinessManager, now));
        foreach (var seat in Playbook(partnership).Seats.Where(s => s.Votes))
        {
            if (harness.State.Stage == CaseStage.AwaitingDecision)
            {
                harness.Do((r, s, now) => r.CastVote(s, seat.Key, "rapid-review", "Serious harm.", Member(seat.Partner), false, now));
            }
        }

        harness.Do((_, s, now) => ReportVersionRules.Add(s, FirstHash, "report.docx", 100, ReportVersionSources.Generated, BusinessManager, "Draft.", now));
        return harness;
    }

    private static void Sign(CaseHarness harness, string seat, string choice, string comments = "") =>
        harness.Do((r, s, now) => SignOffRules.Answer(r, s, new SignOffAnswer(seat, false, choice, 1, FirstHash, comments, Member(seat)), now));

    private static IReadOnlyList<NewEvent> AddAgreed(CaseHarness harness, NewVersionVoids agreed, string partnership) =>
        harness.Do((_, s, now) => ReportVersionRules.AddAgreed(Playbook(partnership), s, agreed, SecondHash, "report.docx", 120, ReportVersionSources.Chat, BusinessManager, "Attached.", now));

    [Fact]
    public void Each_answer_and_the_WT2018_check_on_the_current_version_are_named_and_are_what_the_new_version_voids()
    {
        var harness = WithReport("gloucestershire");
        Assert.True(NewVersionVoids.Of(harness.State).IsEmpty);
        Sign(harness, "health", SignOffChoices.SignOffWithComments, "Section 3 could be clearer.");
        Sign(harness, "la", SignOffChoices.DoNotSignOff, "The chronology misses the GP's contact.");
        harness.Do((_, s, now) => ComplianceCheckRules.Confirm(Playbook("gloucestershire"), s, "", BusinessManager, now.AddDays(3), now));

        var named = NewVersionVoids.Of(harness.State);
        Assert.Equal(
            ["QiiP Chair (CCG representative): signed off with comments", "Gloucestershire Children's Social Care Representative (QiiP Vice Chair): did not sign off", "Business Manager's WT2018 check: recorded"],
            named.Lines(Playbook("gloucestershire")));
        Assert.Equal(1, named.OverVersion);

        Assert.Single(AddAgreed(harness, named, "gloucestershire"));
        Assert.Equal((2, 2), (harness.State.SignOffsVoidedByVersion, harness.State.ComplianceCheckVoidedByVersion));
        Assert.Empty(harness.State.SeatSignOffs);
        Assert.Null(harness.State.ComplianceCheck);
        Assert.True(NewVersionVoids.Of(harness.State).IsEmpty);

        // Agreed again (a second press): the same file is already the current version, nothing more.
        Assert.Empty(AddAgreed(harness, named, "gloucestershire"));
    }

    [Fact]
    public void A_version_agreed_before_another_answer_arrived_is_refused_saying_what_changed()
    {
        var harness = WithReport("oldham");
        Sign(harness, "la", SignOffChoices.SignOff);
        var named = NewVersionVoids.Of(harness.State);
        Sign(harness, "health", SignOffChoices.DoNotSignOff, "Not yet.");

        var refused = Assert.Throws<CaseRuleException>(() => AddAgreed(harness, named, "oldham"));
        Assert.Contains("now Designated Nurse/Head of Safeguarding – NHS ICB Oldham: did not sign off", refused.Message, StringComparison.Ordinal);
        Assert.Single(harness.State.ReportVersions);
        Assert.Equal(2, harness.State.SeatSignOffs.Count);
    }

    [Fact]
    public void Once_the_report_is_signed_off_a_new_version_voids_nothing()
    {
        var harness = WithReport("oldham");
        Sign(harness, "la", SignOffChoices.SignOff);
        Sign(harness, "police", SignOffChoices.SignOff);
        Assert.NotNull(harness.State.SignedOffAt);

        Assert.True(NewVersionVoids.Of(harness.State).IsEmpty);
        harness.Do((_, s, now) => ReportVersionRules.Add(s, SecondHash, "report.docx", 120, ReportVersionSources.Chat, BusinessManager, "Attached.", now));
        Assert.Null(harness.State.SignOffsVoidedByVersion);
        Assert.Equal(2, harness.State.SeatSignOffs.Count);
    }
}
