using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Tests.Process.Cases;
using static TeamsReviewBot.Tests.Process.Cases.CaseHarness;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.SignOff;

/// <summary>Each playbook's sign-off rule played on a report version, as the sign-off card records it.</summary>
public sealed class SignOffRulesTests
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

        AddVersion(harness, FirstHash);
        return harness;
    }

    private static void AddVersion(CaseHarness harness, string sha) =>
        harness.Do((_, s, now) => ReportVersionRules.Add(s, sha, "report.docx", 100, ReportVersionSources.Generated, BusinessManager, "Draft.", now));

    private static IReadOnlyList<string> Sign(CaseHarness harness, string seat, string choice = SignOffChoices.SignOff, string comments = "", bool deputy = false, int version = 1, string sha = FirstHash, Actor? actor = null) =>
        [.. harness.Do((r, s, now) => SignOffRules.Answer(r, s, new SignOffAnswer(seat, deputy, choice, version, sha, comments, actor ?? (deputy ? Deputy(seat) : Member(seat))), now)).Select(e => e.Type)];

    [Fact]
    public void Oldham_is_signed_off_by_two_of_three_partners_one_through_a_deputy()
    {
        var harness = WithReport("oldham");

        Assert.Equal([CaseEventTypes.SignOffRecorded], Sign(harness, "la"));
        Assert.Null(harness.State.SignedOffAt);
        Assert.Equal([CaseEventTypes.SignOffRecorded, CaseEventTypes.SignedOff], Sign(harness, "health", deputy: true));

        Assert.NotNull(harness.State.SignedOffAt);
        Assert.True(harness.State.SeatSignOffs["health"].ByDeputy);
        Assert.Equal("Deputy for health", harness.State.SeatSignOffs["health"].Name);
        Assert.Empty(Sign(harness, "police"));
        Assert.Single(harness.Types, CaseEventTypes.SignedOff);
    }

    [Fact]
    public void Tameside_needs_all_three_partners()
    {
        var harness = WithReport("tameside");
        Sign(harness, "la");
        Sign(harness, "police", SignOffChoices.SignOffWithComments, "Section 3 could be clearer.");
        Assert.Null(harness.State.SignedOffAt);

        Assert.Contains(CaseEventTypes.SignedOff, Sign(harness, "health"));
        Assert.Equal("Section 3 could be clearer.", harness.State.SeatSignOffs["police"].Comments);
        Assert.Equal("The Tameside Safeguarding Children Partnership rules do not let a deputy sign off for the Police (GMP).", Assert.Throws<CaseRuleException>(() => Sign(WithReport("tameside"), "police", deputy: true)).Message);
    }

    [Fact]
    public void Gloucestershire_needs_its_three_signatories()
    {
        var harness = WithReport("gloucestershire");
        Sign(harness, "health");
        Sign(harness, "la");
        Assert.Null(harness.State.SignedOffAt);

        // The third partner completes the partners' rule; the Business Manager's WT2018 check (L133) completes the sign-off.
        Assert.DoesNotContain(CaseEventTypes.SignedOff, Sign(harness, "police"));
        Assert.Null(harness.State.SignedOffAt);
        var playbook = Playbook("gloucestershire");
        var confirmed = harness.Do((_, s, now) => ComplianceCheckRules.Confirm(playbook, s, "", BusinessManager, now.AddDays(3), now)).Select(e => e.Type);
        Assert.Equal([CaseEventTypes.ReportComplianceChecked, CaseEventTypes.SignedOff], confirmed);
    }

    [Fact]
    public void Not_signing_off_needs_a_reason_and_counts_against_the_rule()
    {
        var harness = WithReport("oldham");

        var refused = Assert.Throws<CaseRuleException>(() => Sign(harness, "police", SignOffChoices.DoNotSignOff, "  "));
        Assert.StartsWith("Please give the reason you do not sign off", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseEventTypes.SignOffRecorded, harness.Types);

        Sign(harness, "police", SignOffChoices.DoNotSignOff, "The actions have no owners.");
        Sign(harness, "la", SignOffChoices.DoNotSignOff, "Agree with the police.");

        Assert.False(harness.State.SeatSignOffs["police"].Agrees);
        Assert.Equal("The actions have no owners.", harness.State.SeatSignOffs["police"].Comments);
        Assert.True(harness.State.SignOffDisputed);
        Assert.Null(harness.State.SignedOffAt);
    }

    [Fact]
    public void A_new_version_voids_earlier_sign_offs_and_a_card_for_the_old_version_is_refused()
    {
        var harness = WithReport("tameside");
        Sign(harness, "la");
        Sign(harness, "police");

        AddVersion(harness, SecondHash);

        Assert.Empty(harness.State.SignOffs);
        Assert.Empty(harness.State.SeatSignOffs);
        Assert.Equal(2, harness.State.SignOffsVoidedByVersion);
        var stale = Assert.Throws<CaseRuleException>(() => Sign(harness, "health"));
        Assert.Contains("the report is now at version 2 (hash bbbbbbbbbbbb)", stale.Message, StringComparison.Ordinal);

        Sign(harness, "health", version: 2, sha: SecondHash);
        Assert.Null(harness.State.SignedOffAt);
        Sign(harness, "la", version: 2, sha: SecondHash);
        Assert.Contains(CaseEventTypes.SignedOff, Sign(harness, "police", version: 2, sha: SecondHash));
    }

    [Fact]
    public void The_same_answer_again_adds_nothing_and_a_deputy_cannot_answer_after_the_lead()
    {
        var harness = WithReport("oldham");
        Sign(harness, "la");

        Assert.Empty(Sign(harness, "la"));
        Assert.Single(harness.Types, CaseEventTypes.SignOffRecorded);
        var second = Assert.Throws<CaseRuleException>(() => Sign(harness, "la", deputy: true));
        Assert.Contains("a deputy cannot answer again for the same seat", second.Message, StringComparison.Ordinal);
    }
}
