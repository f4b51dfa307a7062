using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Cases;

/// <summary>A case held in memory: moves go through the real rules and the real fold, so tests see
/// exactly the events and state the service would store.</summary>
internal sealed class CaseHarness
{
    private readonly CaseFold _fold = new(Catalogue);

    public CaseHarness(string partnership, DateTimeOffset receivedAt, string referralKind = CaseRules.Referral)
    {
        Rules = new CaseRules(Playbook(partnership), Schedule);
        Now = receivedAt.AddMinutes(5);
        var code = Playbook(partnership).CaseCode.Prefix + "-2027-0001";
        State = _fold.Initial(code);
        Do((rules, state, now) => rules.Open(code, referralKind, receivedAt, BusinessManager, "Referral received by email.", now));
    }

    public static Actor BusinessManager { get; } = new("00000000-0000-0000-0000-000000000001", "Bea Manager", Roles.BusinessManager, "partnership business unit");

    public static Actor Member(string partner) => new("00000000-0000-0000-0000-0000000000" + (partner.Length % 90).ToString("00", System.Globalization.CultureInfo.InvariantCulture), "Member for " + partner, Roles.PanelMember, partner);

    public static Actor Deputy(string partner) => new("00000000-0000-0000-0000-0000000000aa", "Deputy for " + partner, Roles.Deputy, partner);

    public CaseRules Rules { get; }

    public CaseState State { get; private set; }

    public List<StoredEvent> Events { get; } = [];

    public DateTimeOffset Now { get; set; }

    public IReadOnlyList<NewEvent> Do(Func<CaseRules, CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> move)
    {
        var events = move(Rules, State, Now);
        foreach (var e in events)
        {
            var stored = new StoredEvent(State.StreamId, Events.Count + 1, e.Type, e.Data, e.OccurredAt);
            Events.Add(stored);
            State = _fold.Apply(State, stored);
        }

        return events;
    }

    public IReadOnlyList<string> Types => [.. Events.Select(e => e.Type)];
}
