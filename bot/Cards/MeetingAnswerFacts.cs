using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;

namespace TeamsReviewBot.Cards;

/// <summary>
/// Who has answered the meeting's invitation, per statutory partner of the quorum (then anyone else
/// who answered): "Pat Okafor declined; Dev Shah accepted", or that nobody has answered yet. Names of
/// the professionals invited only, never the child's.
/// </summary>
public static class MeetingAnswerFacts
{
    public static IReadOnlyList<(string Title, string Value)> For(CaseState state, IReadOnlyList<string> quorumPartners)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(quorumPartners);
        var answers = state.MeetingResponses.Values.OrderBy(r => r.At ?? DateTimeOffset.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var facts = quorumPartners
            .Select(partner => (Title(partner), Line(answers.Where(a => a.Partner == partner).ToList())))
            .ToList();
        var others = answers.Where(a => a.Partner is null || !quorumPartners.Contains(a.Partner)).ToList();
        if (others.Count > 0)
        {
            facts.Add(("Others", Line(others)));
        }

        return facts;
    }

    private static string Title(string partner)
    {
        var name = Partners.Name(partner);
        name = name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name;
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string Line(List<MeetingResponse> answers) => answers.Count == 0
        ? "no answer yet"
        : string.Join("; ", answers.Select(a => $"{a.Name} {MeetingResponses.Describe(a.Response)}"
            + (a.ProposedStart is { } proposed ? $", proposing {BritishDates.DateAndTime(proposed)}" : string.Empty)));
}
