using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Tests.Process.InformationRequests;

public class ReplyMatcherTests
{
    private static readonly DateTimeOffset Sent = new(2027, 1, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly RequestIdentity Health = new(
        "RR-OLD-2027-0003",
        "Northern Care Alliance",
        ["safeguarding@nca.nhs.uk", "deputy.lead@nca.nhs.uk"],
        [new SentMessage("<req-health@oscp>", "conv-health", "request", Sent), new SentMessage("<chase-health@oscp>", "conv-health-chase", "chaser", Sent.AddDays(4))],
        IsOpen: true);

    private static readonly RequestIdentity School = new(
        "RR-OLD-2027-0003",
        "Hathershaw College",
        ["dsl@hathershaw.oldham.sch.uk"],
        [new SentMessage("<req-school@oscp>", "conv-school", "request", Sent)],
        IsOpen: true);

    private static readonly RequestIdentity OtherCase = new(
        "RR-OLD-2027-0004",
        "Northern Care Alliance",
        ["safeguarding@nca.nhs.uk"],
        [new SentMessage("<req-other@oscp>", "conv-other", "request", Sent)],
        IsOpen: true);

    private static readonly IReadOnlyList<RequestIdentity> Requests = [Health, School, OtherCase];

    private static IncomingMessage Mail(string subject, string from, string? inReplyTo = null, string? references = null, string? conversationId = null) =>
        new("<" + Guid.NewGuid().ToString("N") + "@agency>", subject, from, inReplyTo, references, conversationId);

    [Fact]
    public void A_plain_reply_is_matched_by_In_Reply_To()
    {
        var match = ReplyMatcher.Match(Mail("RE: Information request RR-OLD-2027-0003", "safeguarding@nca.nhs.uk", "<req-health@oscp>", "<req-health@oscp>", "conv-health"), Requests);

        Assert.Same(Health, match.Request);
        Assert.Equal(MatchRule.InReplyTo, match.Rule);
    }

    [Fact]
    public void A_reply_with_only_References_is_matched_by_References_and_the_latest_reference_wins()
    {
        var match = ReplyMatcher.Match(Mail("RE: something else", "dsl@hathershaw.oldham.sch.uk", references: "<unrelated@x> <req-school@oscp>"), Requests);

        Assert.Same(School, match.Request);
        Assert.Equal(MatchRule.References, match.Rule);
    }

    [Fact]
    public void A_reply_to_a_chaser_is_matched_to_the_request_the_chaser_chased()
    {
        var match = ReplyMatcher.Match(Mail("RE: Reminder: RR-OLD-2027-0003", "safeguarding@nca.nhs.uk", "<chase-health@oscp>"), Requests);

        Assert.Same(Health, match.Request);
        Assert.Equal(MatchRule.InReplyTo, match.Rule);
    }

    [Theory]
    [InlineData("RE: RR-OLD-2027-0003 information request")]
    [InlineData("AW: Fwd: SV: [EXTERNAL] our return for rr-old-2027-0003")]
    [InlineData("Return attached (case RR-OLD-2027-0003) - NCA")]
    public void A_subject_edited_by_the_agency_is_matched_by_the_case_code_and_sender(string subject)
    {
        var match = ReplyMatcher.Match(Mail(subject, "Safeguarding@NCA.nhs.uk", conversationId: "new-conversation"), Requests);

        Assert.Same(Health, match.Request);
        Assert.Equal(MatchRule.CaseCodeInSubject, match.Rule);
    }

    [Fact]
    public void A_colleague_quoting_the_case_code_is_matched_by_domain_when_the_directory_accepts_the_agencys_domain()
    {
        var school = School with { ReplyDomains = ["hathershaw.oldham.sch.uk"] };

        var match = ReplyMatcher.Match(Mail("FW: RE: RR-OLD-2027-0003", "a.colleague@hathershaw.oldham.sch.uk"), [Health, school, OtherCase]);

        Assert.Same(school, match.Request);
        Assert.Equal(MatchRule.CaseCodeInSubject, match.Rule);
    }

    [Fact]
    public void A_colleague_quoting_the_case_code_is_not_the_agencys_return_when_the_directory_names_no_domain()
    {
        var match = ReplyMatcher.Match(Mail("FW: RE: RR-OLD-2027-0003", "a.colleague@hathershaw.oldham.sch.uk"), Requests);

        Assert.False(match.IsMatched);
    }

    [Fact]
    public void A_stranger_quoting_the_case_code_of_a_case_with_one_request_cannot_file_its_return()
    {
        var match = ReplyMatcher.Match(Mail("Return for RR-OLD-2027-0004", "attacker@evil.example"), Requests);

        Assert.False(match.IsMatched);
        Assert.Contains("does not answer for any of its agencies", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stranger_replying_in_the_thread_of_a_request_cannot_file_its_return_and_the_request_is_named_for_a_person()
    {
        var match = ReplyMatcher.Match(Mail("RE: Information request", "attacker@evil.example", "<req-health@oscp>", "<req-health@oscp>", "conv-health"), Requests);

        Assert.False(match.IsMatched);
        Assert.Same(Health, match.RefusedFor);
        Assert.Contains("not one of the agency's leads or deputies", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stranger_in_the_conversation_of_a_request_cannot_file_its_return()
    {
        var match = ReplyMatcher.Match(Mail("RE: your request", "attacker@evil.example", conversationId: "conv-school"), Requests);

        Assert.False(match.IsMatched);
        Assert.Same(School, match.RefusedFor);
    }

    [Fact]
    public void A_stranger_at_the_agencys_domain_cannot_file_its_return_unless_the_directory_accepts_the_domain()
    {
        var match = ReplyMatcher.Match(Mail("Records check", "someone@hathershaw.oldham.sch.uk"), Requests);
        var accepted = ReplyMatcher.Match(Mail("Records check", "someone@hathershaw.oldham.sch.uk"), [Health, School with { ReplyDomains = ["hathershaw.oldham.sch.uk"] }, OtherCase]);

        Assert.False(match.IsMatched);
        Assert.Equal(MatchRule.SenderDomain, accepted.Rule);
    }

    [Fact]
    public void A_public_mail_domain_named_in_the_directory_still_accepts_no_stranger()
    {
        var match = ReplyMatcher.Match(Mail("RR-OLD-2027-0003", "anyone@gmail.com"), [School with { ReplyDomains = ["gmail.com"] }]);

        Assert.False(match.IsMatched);
    }

    [Fact]
    public void The_case_code_picks_the_right_case_when_the_agency_has_requests_on_two_cases()
    {
        var match = ReplyMatcher.Match(Mail("Our return RR-OLD-2027-0004", "safeguarding@nca.nhs.uk"), Requests);

        Assert.Same(OtherCase, match.Request);
    }

    [Fact]
    public void A_reply_with_no_code_and_no_headers_is_matched_by_conversationId()
    {
        var match = ReplyMatcher.Match(Mail("RE: your request", "dsl@hathershaw.oldham.sch.uk", conversationId: "conv-school"), Requests);

        Assert.Same(School, match.Request);
        Assert.Equal(MatchRule.ConversationId, match.Rule);
    }

    [Fact]
    public void A_lead_writing_fresh_without_the_code_is_matched_by_address_when_only_one_request_is_open_for_them()
    {
        var match = ReplyMatcher.Match(Mail("Records check", "dsl@hathershaw.oldham.sch.uk"), Requests);

        Assert.Same(School, match.Request);
        Assert.Equal(MatchRule.SenderAddress, match.Rule);
    }

    [Fact]
    public void A_lead_with_two_open_requests_and_no_code_is_not_guessed()
    {
        var match = ReplyMatcher.Match(Mail("Records check", "safeguarding@nca.nhs.uk"), Requests);

        Assert.False(match.IsMatched);
        Assert.Contains("2 open requests", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stranger_at_a_public_mail_domain_is_unmatched()
    {
        var requests = new[] { School with { Addresses = ["school.dsl@gmail.com"] } };

        var match = ReplyMatcher.Match(Mail("hello", "someone.else@gmail.com"), requests);

        Assert.False(match.IsMatched);
    }

    [Fact]
    public void A_case_code_with_an_unknown_sender_and_several_agencies_falls_through_and_is_unmatched()
    {
        var match = ReplyMatcher.Match(Mail("RR-OLD-2027-0003", "journalist@news.example"), Requests);

        Assert.False(match.IsMatched);
        Assert.Contains("does not answer for any of its agencies", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_rules_skip_closed_requests()
    {
        var requests = new[] { School with { IsOpen = false } };

        var match = ReplyMatcher.Match(Mail("another thing", "dsl@hathershaw.oldham.sch.uk"), requests);

        Assert.False(match.IsMatched);
    }
}
