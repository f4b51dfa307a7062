using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Tests.Process.InformationRequests;

public class RequestRulesTests
{
    private const string Code = "RR-OLD-2027-0003";
    private static readonly DateTimeOffset At = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);
    private static readonly AgencyContact Police = new("Greater Manchester Police", "police", ["ppiu@gmp.police.uk"], []);
    private static readonly AgencyContact School = new("Hathershaw College", "school", ["dsl@hathershaw.sch.uk"], ["deputy@hathershaw.sch.uk"]);

    private static RequestBook Fold(RequestBook book, IReadOnlyList<NewEvent> events)
    {
        var fold = new RequestBookFold();
        var sequence = 0L;
        foreach (var e in events)
        {
            book = fold.Apply(book, new StoredEvent(book.StreamId, ++sequence, e.Type, e.Data, e.OccurredAt));
        }

        return book;
    }

    private static AgenciesChosen Chosen(params AgencyContact[] agencies) =>
        new(Code, "oldham", agencies, new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 18), "bm", "Bea Manning", "referral names them");

    private static RequestBook SentBook()
    {
        var book = new RequestBook { StreamId = Code };
        book = Fold(book, RequestRules.Choose(book, Chosen(Police, School), At));
        foreach (var agency in new[] { Police, School })
        {
            var sent = new RequestSent(agency.Name, agency.Leads, new SentMessage($"<{agency.Kind}@oscp>", "c-" + agency.Kind, "request", At), "g", [], new DateOnly(2027, 1, 18));
            book = Fold(book, RequestRules.MarkSent(book, sent, At));
        }

        return book;
    }

    private static ReplyRecorded Reply(string agency, ReplyKind kind, string id) =>
        new(agency, id, "g", "x@y.z", At, MatchRule.InReplyTo, kind, []);

    [Fact]
    public void Choosing_no_agency_is_refused_in_a_sentence()
    {
        var ex = Assert.Throws<RequestRuleException>(() => RequestRules.Choose(new RequestBook { StreamId = "s" }, Chosen(), At));
        Assert.Equal("Choose at least one agency to send the information request to.", ex.Message);
    }

    [Fact]
    public void An_agency_without_a_lead_address_cannot_be_chosen()
    {
        var ex = Assert.Throws<RequestRuleException>(() => RequestRules.Choose(new RequestBook { StreamId = "s" }, Chosen(Police with { Leads = [] }), At));
        Assert.Contains("Greater Manchester Police has no safeguarding lead address", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_again_adds_only_new_agencies_and_a_repeat_adds_nothing()
    {
        var book = SentBook();

        Assert.Empty(RequestRules.Choose(book, Chosen(Police, School), At));
        var more = Fold(book, RequestRules.Choose(book, Chosen(Police, new AgencyContact("Probation", "probation", ["p@probation.gov.uk"], [])), At));
        Assert.Equal(RequestStatus.Planned, more.Find("Probation")!.Status);
        Assert.Equal(RequestStatus.Sent, more.Find("Greater Manchester Police")!.Status);
    }

    [Fact]
    public void Sending_twice_records_once()
    {
        var book = SentBook();
        var again = new RequestSent(Police.Name, Police.Leads, new SentMessage("<again@oscp>", null, "request", At), "g2", [], new DateOnly(2027, 1, 18));

        Assert.Empty(RequestRules.MarkSent(book, again, At));
    }

    [Fact]
    public void A_return_closes_a_request_and_a_later_no_records_reply_does_not_undo_it()
    {
        var book = SentBook();
        book = Fold(book, RequestRules.RecordReply(book, Reply(Police.Name, ReplyKind.Return, "<r1@gmp>"), At));
        book = Fold(book, RequestRules.RecordReply(book, Reply(Police.Name, ReplyKind.NoRecordsHeld, "<r2@gmp>"), At));

        Assert.Equal(RequestStatus.Returned, book.Find(Police.Name)!.Status);
        Assert.Equal(2, book.Find(Police.Name)!.Replies.Count);
    }

    [Fact]
    public void Automatic_and_holding_replies_change_nothing()
    {
        var book = SentBook();
        book = Fold(book, RequestRules.RecordReply(book, Reply(School.Name, ReplyKind.Automatic, "<ooo@school>"), At));
        book = Fold(book, RequestRules.RecordReply(book, Reply(School.Name, ReplyKind.Correspondence, "<soon@school>"), At));

        Assert.Equal(RequestStatus.Sent, book.Find(School.Name)!.Status);
    }

    [Fact]
    public void Chasers_go_only_to_agencies_with_nothing_back_and_once_per_timer()
    {
        var book = SentBook();
        book = Fold(book, RequestRules.RecordReply(book, Reply(Police.Name, ReplyKind.NoRecordsHeld, "<n@gmp>"), At));

        Assert.False(RequestRules.NeedsChaser(book, Police.Name, "t1"));
        Assert.True(RequestRules.NeedsChaser(book, School.Name, "t1"));
        book = Fold(book, RequestRules.MarkChased(book, new ChaserSent(School.Name, "t1", new SentMessage("<chase@oscp>", null, "chaser", At)), At));
        Assert.False(RequestRules.NeedsChaser(book, School.Name, "t1"));
        Assert.Equal(RequestStatus.Chased, book.Find(School.Name)!.Status);
        Assert.Equal(1, book.Find(School.Name)!.Chasers);
        Assert.Contains(book.Identities, i => i.Agency == School.Name && i.Messages.Any(m => m.InternetMessageId == "<chase@oscp>"));
    }

    [Fact]
    public void One_chase_timer_chases_each_silent_agency_once()
    {
        var book = SentBook();
        book = Fold(book, RequestRules.MarkChased(book, new ChaserSent(School.Name, "t1", new SentMessage("<c1@oscp>", null, "chaser", At)), At));

        Assert.True(RequestRules.NeedsChaser(book, Police.Name, "t1"));
        book = Fold(book, RequestRules.MarkChased(book, new ChaserSent(Police.Name, "t1", new SentMessage("<c2@oscp>", null, "chaser", At)), At));
        Assert.False(RequestRules.NeedsChaser(book, Police.Name, "t1"));
        Assert.Empty(RequestRules.MarkChased(book, new ChaserSent(Police.Name, "t1", new SentMessage("<c3@oscp>", null, "chaser", At)), At));
        Assert.All(book.Requests.Values, r => Assert.Equal(1, r.Chasers));
    }

    [Fact]
    public void The_deadline_passing_makes_every_open_request_overdue_once()
    {
        var book = SentBook();
        book = Fold(book, RequestRules.RecordReply(book, Reply(Police.Name, ReplyKind.Return, "<r@gmp>"), At));

        var events = RequestRules.MarkOverdue(book, "overdue", At);
        book = Fold(book, events);

        Assert.Single(events);
        Assert.Equal(RequestStatus.Overdue, book.Find(School.Name)!.Status);
        Assert.Equal(RequestStatus.Returned, book.Find(Police.Name)!.Status);
        Assert.Empty(RequestRules.MarkOverdue(book, "overdue", At));
        Assert.True(RequestRules.NeedsChaser(book, School.Name, "later"));
    }

    [Fact]
    public void A_reply_from_an_agency_not_on_the_case_is_refused()
    {
        var ex = Assert.Throws<RequestRuleException>(() => RequestRules.RecordReply(SentBook(), Reply("Nobody", ReplyKind.Return, "<x@y>"), At));
        Assert.Equal("Nobody has no request on RR-OLD-2027-0003.", ex.Message);
    }
}
