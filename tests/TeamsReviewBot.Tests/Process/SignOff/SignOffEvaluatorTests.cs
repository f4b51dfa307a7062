using TeamsReviewBot.Process.SignOff;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.SignOff;

public sealed class SignOffEvaluatorTests
{
    // Oldham: by 4 pm on Day 14.
    private static readonly DateTimeOffset FourPm = London(2027, 1, 13, 16);

    private static SignOffVerdict Oldham(DateTimeOffset now, params SignOffEntry[] entries) =>
        SignOffEvaluator.Evaluate(Playbook("oldham"), entries, now, FourPm);

    private static SignOffEntry Entry(string seat, bool agrees, DateTimeOffset at, bool deputy = false) => new(seat, agrees, deputy, at);

    [Fact]
    public void Two_of_three_partners_sign_off_in_Oldham_one_of_them_by_a_deputy()
    {
        var verdict = Oldham(London(2027, 1, 13, 11), Entry("la", true, London(2027, 1, 13, 10)), Entry("police", true, London(2027, 1, 13, 11), deputy: true));

        Assert.Contains("2 of 3 partners signed off (1 by a deputy)", Assert.IsType<SignOffVerdict.SignedOff>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void One_of_three_is_still_pending_before_4_pm()
    {
        var verdict = Oldham(London(2027, 1, 13, 12), Entry("la", true, London(2027, 1, 13, 10)));

        Assert.Contains("1 of 2 sign-offs so far", Assert.IsType<SignOffVerdict.Pending>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sign_off_one_minute_after_4_pm_is_too_late()
    {
        var verdict = Oldham(London(2027, 1, 13, 16, 1), Entry("la", true, London(2027, 1, 13, 10)), Entry("health", true, London(2027, 1, 13, 16, 1)));

        Assert.Contains("deadline passed", Assert.IsType<SignOffVerdict.Blocked>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_refusals_make_two_of_three_impossible()
    {
        var verdict = Oldham(London(2027, 1, 13, 12), Entry("la", false, London(2027, 1, 13, 10)), Entry("police", false, London(2027, 1, 13, 11)));

        Assert.Contains("can no longer be reached", Assert.IsType<SignOffVerdict.Blocked>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Salford_needs_the_Independent_Adviser_as_well_as_all_three_partners()
    {
        var playbook = Playbook("salford");
        var at = London(2027, 1, 25, 10);
        SignOffEntry[] partners = [Entry("la", true, at), Entry("police", true, at), Entry("health", true, at)];

        Assert.Contains("SSCP Independent Adviser", Assert.IsType<SignOffVerdict.Pending>(SignOffEvaluator.Evaluate(playbook, partners, at, at.AddDays(2))).Explanation, StringComparison.Ordinal);
        Assert.IsType<SignOffVerdict.SignedOff>(SignOffEvaluator.Evaluate(playbook, [.. partners, Entry("independent-adviser", true, at)], at, at.AddDays(2)));
        Assert.IsType<SignOffVerdict.Blocked>(SignOffEvaluator.Evaluate(playbook, [.. partners, Entry("independent-adviser", false, at)], at, at.AddDays(2)));
    }

    [Fact]
    public void Tameside_needs_all_three_partners_and_one_refusal_blocks_it()
    {
        var playbook = Playbook("tameside");
        var at = London(2027, 1, 25, 10);

        Assert.IsType<SignOffVerdict.Pending>(SignOffEvaluator.Evaluate(playbook, [Entry("la", true, at), Entry("police", true, at)], at, at.AddDays(1)));
        Assert.IsType<SignOffVerdict.Blocked>(SignOffEvaluator.Evaluate(playbook, [Entry("la", true, at), Entry("police", false, at)], at, at.AddDays(1)));
    }

    [Fact]
    public void West_Midlands_signs_off_on_the_three_partners_without_the_optional_scrutineer()
    {
        var at = London(2027, 1, 25, 10);

        var verdict = SignOffEvaluator.Evaluate(Playbook("west-midlands"), [Entry("la", true, at), Entry("police", true, at, deputy: true), Entry("health", true, at)], at, at.AddDays(1));

        Assert.IsType<SignOffVerdict.SignedOff>(verdict);
    }

    [Fact]
    public void Gloucestershire_Management_Group_Chair_may_sign_off_alone()
    {
        var at = London(2027, 1, 25, 10);

        // The Chair alone is not enough until the Business Manager's WT2018 check is done (seed-004 L133).
        Assert.IsType<SignOffVerdict.Pending>(SignOffEvaluator.Evaluate(Playbook("gloucestershire"), [Entry("management-group-chair", true, at)], at, at.AddDays(1)));
        var verdict = SignOffEvaluator.Evaluate(Playbook("gloucestershire"), [Entry("management-group-chair", true, at)], at, at.AddDays(1), at);

        Assert.Contains("alone", Assert.IsType<SignOffVerdict.SignedOff>(verdict).Explanation, StringComparison.Ordinal);
    }
}
