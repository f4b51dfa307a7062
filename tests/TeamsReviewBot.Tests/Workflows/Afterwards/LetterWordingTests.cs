using TeamsReviewBot.Workflows.Afterwards;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// The outcome letters and Oldham's lesson-log request say the seeds' own sentences word for word,
/// each checked here against the seed's original with its line. The seeds give no template for any of
/// these letters, so the rest of each letter is the partnership's, not the seed's.
/// </summary>
public sealed class LetterWordingTests
{
    [Theory]
    // seed-002 (Salford) §8, original L372: "Other agencies (including the agency who made the referral) should also be informed of the outcome".
    [InlineData("salford", AfterwardsLetter.Outcome, "Other agencies (including the agency who made the referral) should also be informed of the outcome")]
    // the same line goes on: "and individual agencies should notify their own inspectorate bodies as required."
    [InlineData("salford", AfterwardsLetter.Outcome, "\"individual agencies should notify their own inspectorate bodies as required\"")]
    // seed-003 (West Midlands) flow chart, original L3429: "Rapid Review Template and accompanying letter sent to National Panel."
    [InlineData("west-midlands", AfterwardsLetter.Outcome, "The Rapid Review Template and accompanying letter were sent to the National Panel on {submittedOn}.")]
    // seed-003 flow chart, original L3430–L3432: "Agencies (including the agency who made the referral) are informed of the outcome of the Rapid Review."
    [InlineData("west-midlands", AfterwardsLetter.Outcome, "\"Agencies (including the agency who made the referral) are informed of the outcome of the Rapid Review\"")]
    // seed-003 §4.7.3, original L250: "Individual agencies should notify their own inspectorate bodies as required."
    [InlineData("west-midlands", AfterwardsLetter.Outcome, "\"Individual agencies should notify their own inspectorate bodies as required.\"")]
    // seed-001 (Tameside) §3, original L16: "The referrer will be updated as to the progress of the case if taken forward into any form of learning pathway."
    [InlineData("tameside", AfterwardsLetter.Outcome, "\"The referrer will be updated as to the progress of the case if taken forward into any form of learning pathway.\"")]
    // seed-000 (Oldham) §9.4, original L159: "to be used by all agencies to document cascading of information and lessons as a result of the Rapid Review"; "returned to oscp.group@Oldham.gov.uk within 2 weeks following the rapid review meeting".
    [InlineData("oldham", AfterwardsLetter.LessonLog, "\"to be used by all agencies to document cascading of information and lessons as a result of the Rapid Review\"")]
    [InlineData("oldham", AfterwardsLetter.LessonLog, "\"returned to oscp.group@Oldham.gov.uk within 2 weeks following the rapid review meeting\"")]
    // seed-000, the Lesson Log form, original L3025: "please notify us within your email if you require any further action or support".
    [InlineData("oldham", AfterwardsLetter.LessonLog, "please notify us within your email if you require any further action or support")]
    // seed-000, the Lesson Log form's fields, original L3047 and L3057.
    [InlineData("oldham", AfterwardsLetter.LessonLog, "This briefing/ learning was cascaded to:")]
    [InlineData("oldham", AfterwardsLetter.LessonLog, "This briefing/ learning was used in:")]
    public void The_letter_says_the_seeds_sentence_word_for_word(string partnership, string kind, string sentence)
    {
        var template = AfterwardsLetter.Template(partnership, kind);

        Assert.NotNull(template);
        var body = string.Join("\n", template.Split('\n').Where(l => !l.StartsWith('#')));
        Assert.Contains(sentence, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oldham")]
    [InlineData("gloucestershire")]
    public void Partnerships_whose_seed_asks_no_outcome_letter_have_none(string partnership) =>
        Assert.Null(AfterwardsLetter.Template(partnership, AfterwardsLetter.Outcome));
}
