using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Tests.Process.Cases;
using static TeamsReviewBot.Tests.Process.Cases.CaseHarness;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.SignOff;

/// <summary>Which sign-off answers and versions owe the business managers a notice, and that each is owed once.</summary>
public sealed class SignOffManagerNoticesTests
{
    private const string FirstHash = "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111";
    private const string SecondHash = "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222";

    private static CaseHarness OldhamWithReport()
    {
        var harness = new CaseHarness("oldham", London(2027, 1, 11, 10));
        harness.Do((r, s, now) => r.PutToPanel(s, BusinessManager, now));
        foreach (var seat in Playbook("oldham").Seats.Where(s => s.Votes))
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

    private static void Answer(CaseHarness harness, string seat, string choice, int version = 1, string sha = FirstHash) =>
        harness.Do((r, s, now) => SignOffRules.Answer(r, s, new SignOffAnswer(seat, false, choice, version, sha, choice == SignOffChoices.SignOff ? string.Empty : "Reason.", Member(seat)), now));

    private static void Tell(CaseHarness harness) =>
        harness.Do((_, s, now) => SignOffManagerNotices.Told(s, [.. SignOffManagerNotices.Owed(s).Select(n => (n, "Told."))], "Sent.", now));

    private static IReadOnlyList<string> Owed(CaseHarness harness) => [.. SignOffManagerNotices.Owed(harness.State).Select(n => n.Id)];

    [Fact]
    public void A_refusal_owes_one_notice_for_its_seat_and_the_block_one_more()
    {
        var harness = OldhamWithReport();
        Answer(harness, "health", SignOffChoices.SignOff);
        Assert.Empty(Owed(harness));

        Answer(harness, "police", SignOffChoices.DoNotSignOff);
        Assert.Equal([SignOffManagerNotices.DeclinedId(1, "police")], Owed(harness));
        Tell(harness);
        Assert.Empty(Owed(harness));

        // Health changes its answer: two of three can no longer sign.
        Answer(harness, "health", SignOffChoices.DoNotSignOff);
        Assert.Equal([SignOffManagerNotices.DeclinedId(1, "health"), SignOffManagerNotices.BlockedId(1)], Owed(harness));
        Tell(harness);
        Assert.Empty(Owed(harness));
    }

    [Fact]
    public void A_new_version_owes_the_voiding_once_and_no_longer_the_refusals_on_the_version_before()
    {
        var harness = OldhamWithReport();
        Answer(harness, "police", SignOffChoices.DoNotSignOff);
        AddVersion(harness, SecondHash);
        Assert.Equal([SignOffManagerNotices.SignOffsVoidedId(2)], Owed(harness));
        Tell(harness);
        Assert.Empty(Owed(harness));
    }

    [Fact]
    public void Nothing_is_owed_once_the_report_is_signed_off()
    {
        var harness = OldhamWithReport();
        Answer(harness, "police", SignOffChoices.DoNotSignOff);
        Answer(harness, "la", SignOffChoices.SignOff);
        Answer(harness, "health", SignOffChoices.SignOff);
        Assert.NotNull(harness.State.SignedOffAt);
        Assert.Empty(Owed(harness));
    }
}
