using TeamsReviewBot.Process.Decisions;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Decisions;

public sealed class DecisionEvaluatorTests
{
    private static readonly DateTimeOffset Opened = London(2027, 1, 11, 10);
    private static readonly DateTimeOffset Window = London(2027, 1, 12, 17);
    private static readonly DateTimeOffset Before = Window.AddHours(-1);
    private static readonly DateTimeOffset After = Window.AddMinutes(1);

    private static DecisionVerdict Evaluate(string partnership, DateTimeOffset now, params (string Seat, string Outcome)[] votes) =>
        DecisionEvaluator.Evaluate(Playbook(partnership), "referral", [.. votes.Select((v, i) => new Vote(v.Seat, v.Outcome, false, Opened.AddMinutes(i)))], now, Window);

    [Fact]
    public void Unanimous_all_three_agreeing_decides()
    {
        var verdict = Evaluate("oldham", Before, ("la", "rapid-review"), ("police", "rapid-review"), ("health", "rapid-review"));

        Assert.Equal("rapid-review", Assert.IsType<DecisionVerdict.Decided>(verdict).Outcome);
    }

    [Fact]
    public void Unanimous_with_a_partner_missing_waits_while_the_window_is_open()
    {
        var verdict = Evaluate("oldham", Before, ("la", "rapid-review"), ("police", "rapid-review"));

        Assert.Contains("Designated Nurse", Assert.IsType<DecisionVerdict.Undetermined>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanimous_with_a_partner_missing_decides_when_the_window_passes_with_the_quorum_agreeing()
    {
        var verdict = Evaluate("oldham", After, ("la", "no-further-action"), ("police", "no-further-action"));

        var decided = Assert.IsType<DecisionVerdict.Decided>(verdict);
        Assert.Equal("no-further-action", decided.Outcome);
        Assert.Contains("2 of 3 seats agreed", decided.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanimous_quorum_not_reached_when_the_window_passes_escalates()
    {
        var verdict = Evaluate("oldham", After, ("la", "rapid-review"));

        Assert.Contains("1 of the 2 votes needed", Assert.IsType<DecisionVerdict.Escalate>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanimous_a_disagreement_waits_for_agreement_while_the_window_is_open()
    {
        // seed-000 §3: "no voting or majority rule is given for the Virtual Panel"; the escalation pathway is for operational disputes.
        var verdict = Evaluate("oldham", Before, ("la", "rapid-review"), ("police", "no-further-action"));

        var waiting = Assert.IsType<DecisionVerdict.Undetermined>(verdict);
        Assert.Contains("The votes disagree", waiting.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("escalation process", waiting.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Majority_two_to_one_of_the_three_partners_decides_once_the_consultation_is_recorded()
    {
        // seed-001 L14: "a majority decision will be taken in consultation with the Executive Chair/ Independent Scrutineer".
        var votes = new[] { new Vote("la", "rapid-review", false, Opened), new Vote("police", "no-further-action", false, Opened), new Vote("health", "rapid-review", false, Opened) };

        Assert.IsType<DecisionVerdict.Undetermined>(DecisionEvaluator.Evaluate(Playbook("tameside"), "referral", votes, Before, Window));
        var decided = DecisionEvaluator.Evaluate(Playbook("tameside"), "referral", votes, Before, Window, consultationRecorded: true);

        Assert.Equal("rapid-review", Assert.IsType<DecisionVerdict.Decided>(decided).Outcome);
    }

    [Fact]
    public void Majority_a_three_way_split_is_a_tie_and_escalates()
    {
        var verdict = Evaluate("tameside", Before, ("la", "rapid-review"), ("police", "no-further-action"), ("health", "audit-and-assurance"));

        Assert.Contains("tied", Assert.IsType<DecisionVerdict.Escalate>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Majority_without_every_statutory_partner_when_the_window_passes_escalates()
    {
        var verdict = Evaluate("tameside", After, ("la", "rapid-review"), ("police", "rapid-review"));

        Assert.Contains("only 2 of the 3 votes needed for a quorum", Assert.IsType<DecisionVerdict.Escalate>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Majority_two_to_two_on_a_panel_of_four_is_a_tie()
    {
        var verdict = Evaluate("salford", Before, ("independent-adviser", "rapid-review"), ("prsg-chair", "rapid-review"), ("prsg-deputy-chair", "no-further-action"), ("business-manager", "no-further-action"));

        Assert.IsType<DecisionVerdict.Escalate>(verdict);
    }

    [Fact]
    public void Majority_with_a_quorum_of_two_agreeing_decides_without_waiting_for_the_window()
    {
        // seed-002 L278: "Two of the panel only are needed to be quorate."
        var verdict = Evaluate("salford", Before, ("independent-adviser", "rapid-review"), ("prsg-chair", "rapid-review"));

        Assert.Equal("rapid-review", Assert.IsType<DecisionVerdict.Decided>(verdict).Outcome);
    }

    [Fact]
    public void Majority_three_of_four_decides_without_waiting_for_the_fourth()
    {
        var verdict = Evaluate("salford", Before, ("independent-adviser", "salford-case-review"), ("prsg-chair", "salford-case-review"), ("business-manager", "salford-case-review"));

        Assert.Equal("salford-case-review", Assert.IsType<DecisionVerdict.Decided>(verdict).Outcome);
    }

    [Fact]
    public void Majority_one_vote_when_the_window_passes_is_short_of_the_quorum()
    {
        Assert.IsType<DecisionVerdict.Escalate>(Evaluate("salford", After, ("prsg-chair", "rapid-review")));
    }

    [Fact]
    public void Split_decision_proceeds_to_rapid_review()
    {
        var verdict = Evaluate("gloucestershire", Before, ("health", "no-further-action"), ("la", "rapid-review"));

        var decided = Assert.IsType<DecisionVerdict.Decided>(verdict);
        Assert.Equal("rapid-review", decided.Outcome);
        Assert.Contains("split", decided.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_rule_with_all_three_saying_no_decides_no()
    {
        var verdict = Evaluate("gloucestershire", Before, ("health", "no-further-action"), ("la", "no-further-action"), ("police", "no-further-action"));

        Assert.Equal("no-further-action", Assert.IsType<DecisionVerdict.Decided>(verdict).Outcome);
    }

    [Fact]
    public void Split_rule_with_a_partner_silent_when_the_window_passes_escalates()
    {
        Assert.IsType<DecisionVerdict.Escalate>(Evaluate("gloucestershire", After, ("health", "no-further-action"), ("la", "no-further-action")));
    }

    [Fact]
    public void A_serious_incident_notification_needs_no_vote_in_Gloucestershire()
    {
        var verdict = DecisionEvaluator.Evaluate(Playbook("gloucestershire"), "serious-incident-notification", [], Before, Window);

        Assert.Equal("rapid-review", Assert.IsType<DecisionVerdict.Decided>(verdict).Outcome);
    }

    [Fact]
    public void Partners_disagreeing_in_West_Midlands_is_a_dispute_not_a_local_authority_decision()
    {
        // seed-003 [L145]: "Where there are disagreements the dispute resolution protocol should be followed".
        var verdict = Evaluate("west-midlands", Before, ("police", "rapid-review"), ("health", "rapid-review"), ("la", "no-further-action"));

        var dispute = Assert.IsType<DecisionVerdict.Escalate>(verdict);
        Assert.True(dispute.IsDispute);
        Assert.Contains("dispute resolution protocol", dispute.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void In_West_Midlands_the_local_authority_alone_does_not_decide_when_the_window_passes()
    {
        Assert.IsType<DecisionVerdict.Escalate>(Evaluate("west-midlands", After, ("la", "rapid-review")));
    }

    [Fact]
    public void A_deputy_vote_fills_its_partner_seat_once()
    {
        var votes = new[]
        {
            new Vote("police", "rapid-review", true, Opened),
            new Vote("la", "rapid-review", false, Opened.AddMinutes(1)),
        };

        var verdict = DecisionEvaluator.Evaluate(Playbook("oldham"), "referral", votes, After, Window);

        Assert.Contains("2 of 3 seats", Assert.IsType<DecisionVerdict.Decided>(verdict).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vote_from_a_seat_that_does_not_vote_is_not_counted()
    {
        var verdict = Evaluate("oldham", After, ("la", "rapid-review"), ("business-manager", "rapid-review"));

        Assert.IsType<DecisionVerdict.Escalate>(verdict);
    }
}
