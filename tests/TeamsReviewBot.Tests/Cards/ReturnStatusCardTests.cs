using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Tests.Cards;

public class ReturnStatusCardTests
{
    private static readonly DateTimeOffset At = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] AgencyNames = ["Police", "School", "Health", "Housing"];

    internal static RequestBook Book()
    {
        var fold = new RequestBookFold();
        var book = new RequestBook { StreamId = "RR-OLD-2027-0003.requests" };
        var seq = 0L;
        void Apply(IReadOnlyList<NewEvent> events)
        {
            foreach (var e in events)
            {
                book = fold.Apply(book, new StoredEvent(book.StreamId, ++seq, e.Type, e.Data, e.OccurredAt));
            }
        }

        var agencies = AgencyNames.Select(n => new AgencyContact(n, "other", [n.ToLowerInvariant() + "@x.gov.uk"], [])).ToArray();
        Apply(RequestRules.Choose(book, new AgenciesChosen("RR-OLD-2027-0003", "oldham", agencies, new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 18), "bm", "Bea", "r"), At));
        foreach (var a in agencies)
        {
            Apply(RequestRules.MarkSent(book, new RequestSent(a.Name, a.Leads, new SentMessage($"<{a.Name}@o>", null, "request", At), "g", [], new DateOnly(2027, 1, 18)), At));
        }

        Apply(RequestRules.RecordReply(book, new ReplyRecorded("Police", "<p@x>", "g", "p@x", At.AddDays(2), MatchRule.InReplyTo, ReplyKind.Return, []), At));
        Apply(RequestRules.RecordReply(book, new ReplyRecorded("School", "<s@x>", "g", "s@x", At.AddDays(3), MatchRule.CaseCodeInSubject, ReplyKind.NoRecordsHeld, []), At));
        Apply(RequestRules.MarkChased(book, new ChaserSent("Health", "t", new SentMessage("<c@o>", null, "chaser", At)), At));
        return book;
    }

    private static string Text(JsonObject card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public void Before_the_deadline_it_shows_returned_and_due_agencies_with_counts()
    {
        var card = ReturnStatusCard.Create(Book(), new DateOnly(2027, 1, 15));
        var text = Text(card);

        Assert.Contains("Information requests – RR-OLD-2027-0003", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Returned\",\"value\":\"2 of 4\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Police\",\"value\":\"returned Wed 13 Jan 2027\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"School\",\"value\":\"no records held (Thu 14 Jan 2027)\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Health\",\"value\":\"due Mon 18 Jan 2027, chased once\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Late\",\"value\":\"0\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void It_shows_the_day_the_requests_went_and_the_returns_deadline_the_letters_gave()
    {
        var text = Text(ReturnStatusCard.Create(Book(), new DateOnly(2027, 1, 15)));

        Assert.Contains("\"title\":\"Sent\",\"value\":\"Mon 11 Jan 2027\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Returns due\",\"value\":\"Mon 18 Jan 2027\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_any_letter_goes_it_says_when_they_are_to_be_sent()
    {
        var empty = new RequestBook { StreamId = "RR-OLD-2027-0003" };
        var chosen = Assert.Single(RequestRules.Choose(empty, new AgenciesChosen("RR-OLD-2027-0003", "oldham", [new AgencyContact("Police", "police", ["p@x.gov.uk"], [])], new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 20), "bm", "Bea", "r"), At));
        var book = new RequestBookFold().Apply(empty, new StoredEvent(empty.StreamId, 1, chosen.Type, chosen.Data, chosen.OccurredAt));

        var text = Text(ReturnStatusCard.Create(book, new DateOnly(2027, 1, 11)));

        Assert.Contains("\"title\":\"Sent\",\"value\":\"not yet (to be sent Wed 13 Jan 2027)\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Returns due\",\"value\":\"Wed 20 Jan 2027\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_selection_card_says_the_requests_go_as_soon_as_they_are_sent_or_when_they_will_go()
    {
        var directory = new[] { new AgencyContact("Greater Manchester Police", "police", ["a@b.uk"], []) };

        var atOnce = Text(AgencySelectionCard.Create("RR-WM-2027-0003", directory, [], new RequestSendMoment(At, OnSending: true), new DateOnly(2027, 1, 18)));
        var later = Text(AgencySelectionCard.Create("RR-OLD-2027-0003", directory, [], new RequestSendMoment(WorkingDayCalendar.AtLondon(new DateOnly(2027, 1, 13), new TimeOnly(9, 0)), OnSending: false), new DateOnly(2027, 1, 20)));

        Assert.Contains("The requests go out as soon as you press Send requests. They are due back by Monday 18 January 2027.", atOnce, StringComparison.Ordinal);
        Assert.Contains("The requests go out on Wednesday 13 January 2027, 9 am, the start of the day they are due to be sent. They are due back by Wednesday 20 January 2027.", later, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chronology_with_no_returned_documents_says_so_rather_than_collated_from_none()
    {
        var none = Text(ReturnStatusCard.Create(Book() with { Collated = new ChronologyCollated(0, 0, "chronology.xlsx", "every agency answered") }, new DateOnly(2027, 1, 15)));
        Assert.Contains("No agency returned documents, so the multi-agency chronology has no entries.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("collated: 0 entries", none, StringComparison.Ordinal);

        var some = Text(ReturnStatusCard.Create(Book() with { Collated = new ChronologyCollated(12, 2, "chronology.xlsx", "every agency answered") }, new DateOnly(2027, 1, 15)));
        Assert.Contains("Multi-agency chronology collated: 12 entries from 2 returns.", some, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_deadline_open_requests_are_late()
    {
        var text = Text(ReturnStatusCard.Create(Book(), new DateOnly(2027, 1, 19)));

        Assert.Contains("\"title\":\"Late\",\"value\":\"2\"", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Housing\",\"value\":\"was due Mon 18 Jan 2027\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_selection_card_pre_ticks_the_agencies_the_referral_names()
    {
        var directory = new[] { new AgencyContact("Greater Manchester Police", "police", ["a@b.uk"], []), new AgencyContact("Hathershaw College", "school", ["c@d.uk"], []) };

        var card = AgencySelectionCard.Create("RR-OLD-2027-0003", directory, ["hathershaw college", "Unknown Agency"], new RequestSendMoment(WorkingDayCalendar.AtLondon(new DateOnly(2027, 1, 13), new TimeOnly(9, 0)), OnSending: false), new DateOnly(2027, 1, 20));

        var choiceSet = card["body"]!.AsArray().Single(n => (string?)n!["type"] == "Input.ChoiceSet")!;
        Assert.Equal("Hathershaw College", (string?)choiceSet["value"]);
        Assert.Equal(2, choiceSet["choices"]!.AsArray().Count);
        Assert.Equal(AgencySelectionCard.Verb, (string?)card["actions"]![0]!["verb"]);
        Assert.Equal(AgencySelectionCard.Verb, (string?)card["actions"]![0]!["fallback"]!["data"]!["verb"]);
    }
}
