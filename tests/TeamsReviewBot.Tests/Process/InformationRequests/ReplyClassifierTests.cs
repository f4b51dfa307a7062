using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Tests.Process.InformationRequests;

public class ReplyClassifierTests
{
    private static readonly Dictionary<string, string> NoHeaders = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Auto_Submitted_auto_replied_is_automatic_even_with_a_no_records_body()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Auto-Submitted"] = "auto-replied" };

        Assert.Equal(ReplyKind.Automatic, ReplyClassifier.Classify(headers, "RE: RR-OLD-2027-0003", "I am away. No records held here.", false));
    }

    [Fact]
    public void Auto_Submitted_no_is_a_person_writing()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Auto-Submitted"] = "no" };

        Assert.Equal(ReplyKind.Correspondence, ReplyClassifier.Classify(headers, "RE: RR-OLD-2027-0003", "Will send by Friday.", false));
    }

    [Theory]
    [InlineData("Automatic reply: Information request RR-OLD-2027-0003")]
    [InlineData("Out of Office: RR-OLD-2027-0003")]
    [InlineData("Automatische Antwort: RR-OLD-2027-0003")]
    public void Outlook_automatic_reply_subjects_are_automatic_without_headers(string subject)
    {
        Assert.Equal(ReplyKind.Automatic, ReplyClassifier.Classify(NoHeaders, subject, "Back on Monday.", false));
    }

    [Theory]
    [InlineData("We have checked our systems and there are no records held for the child or family.")]
    [InlineData("The family is not known to our service.")]
    [InlineData("Nil return from Oldham Library Service.")]
    [InlineData("We hold no records\r\n of this family.")]
    public void No_records_replies_without_a_document_close_as_no_records(string body)
    {
        Assert.Equal(ReplyKind.NoRecordsHeld, ReplyClassifier.Classify(NoHeaders, "RE: RR-OLD-2027-0003", body, false));
    }

    [Fact]
    public void A_reply_with_an_accepted_attachment_is_a_return_whatever_the_body_says()
    {
        Assert.Equal(ReplyKind.Return, ReplyClassifier.Classify(NoHeaders, "RE: RR-OLD-2027-0003", "No records held for the father; summary attached.", true));
    }

    [Theory]
    [InlineData("We have no information for you yet; we will send it on Friday.")]
    [InlineData("Records are being checked.")]
    public void A_holding_reply_is_correspondence(string body)
    {
        Assert.Equal(ReplyKind.Correspondence, ReplyClassifier.Classify(NoHeaders, "RE: RR-OLD-2027-0003", body, false));
    }
}
