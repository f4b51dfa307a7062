using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>One seat's answer at sign-off.</summary>
public sealed record SignOffEntry(string Seat, bool Agrees, bool ByDeputy, DateTimeOffset At);

/// <summary>Where sign-off stands.</summary>
public abstract record SignOffVerdict(string Explanation)
{
    public sealed record Pending(string Explanation) : SignOffVerdict(Explanation);

    public sealed record SignedOff(string Explanation) : SignOffVerdict(Explanation);

    /// <summary>Sign-off can no longer be reached as things stand (too many disagree, or the deadline passed).</summary>
    public sealed record Blocked(string Explanation) : SignOffVerdict(Explanation);
}

/// <summary>
/// The sign-off rule: k of n partner seats agree (a deputy may sign for a seat that allows it, one
/// answer per seat), an independent endorsement where required, an alternative sole signatory where
/// the playbook has one, all by the deadline (which may carry a time of day, e.g. 4 pm). Where the
/// playbook has a compliance check (Gloucestershire's WT2018 check, seed-004 L133), the report is
/// signed off only once that is confirmed too, by the deadline (<paramref name="checkedAt"/>).
/// </summary>
public static class SignOffEvaluator
{
    public static SignOffVerdict Evaluate(Playbook playbook, IReadOnlyCollection<SignOffEntry> entries, DateTimeOffset now, DateTimeOffset deadline, DateTimeOffset? checkedAt = null)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var partners = EvaluatePartners(playbook, entries, now, deadline);
        if (playbook.SignOff.ComplianceCheck is not { } check || (checkedAt is { } at && at <= deadline))
        {
            return partners;
        }

        return partners switch
        {
            SignOffVerdict.SignedOff met when now > deadline => new SignOffVerdict.Blocked($"The sign-off deadline passed without the {check.Name} ({met.Explanation.TrimEnd('.')}). {playbook.SignOff.OnDisagreement}"),
            SignOffVerdict.SignedOff met => new SignOffVerdict.Pending($"{met.Explanation} Waiting for the {check.Name}."),
            SignOffVerdict.Pending pending => new SignOffVerdict.Pending($"{pending.Explanation.TrimEnd('.')}, and the {check.Name}."),
            _ => partners,
        };
    }

    private static SignOffVerdict EvaluatePartners(Playbook playbook, IReadOnlyCollection<SignOffEntry> entries, DateTimeOffset now, DateTimeOffset deadline)
    {
        var rule = playbook.SignOff;
        var latest = entries.GroupBy(e => e.Seat, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).Last(), StringComparer.Ordinal);
        var inTime = latest.Values.Where(e => e.At <= deadline).ToDictionary(e => e.Seat, StringComparer.Ordinal);
        string Title(string seat) => playbook.FindSeat(seat)?.Title ?? seat;

        if (rule.AlternativeSoleSignatory is { } sole && inTime.TryGetValue(sole, out var soleEntry) && soleEntry.Agrees)
        {
            return new SignOffVerdict.SignedOff($"{Title(sole)} signed off alone, as the playbook allows where proportionate.");
        }

        var agreed = rule.Seats.Where(s => inTime.TryGetValue(s, out var e) && e.Agrees).ToList();
        var declined = rule.Seats.Where(s => latest.TryGetValue(s, out var e) && !e.Agrees).ToList();
        var stillOpen = rule.Seats.Count - agreed.Count - declined.Count;
        var independentOk = rule.IndependentEndorsement != "required"
            || (rule.IndependentSeat is { } independent && inTime.TryGetValue(independent, out var endorsement) && endorsement.Agrees);

        if (agreed.Count >= rule.Required && independentOk)
        {
            var deputies = agreed.Count(s => inTime[s].ByDeputy);
            var byDeputy = deputies > 0 ? $" ({deputies} by a deputy)" : string.Empty;
            var endorsed = rule.IndependentEndorsement == "required" ? $", endorsed by the {Title(rule.IndependentSeat!)}" : string.Empty;
            return new SignOffVerdict.SignedOff($"{agreed.Count} of {rule.Seats.Count} partners signed off{byDeputy}{endorsed}; {rule.Required} needed.");
        }

        if (agreed.Count + stillOpen < rule.Required)
        {
            return new SignOffVerdict.Blocked($"{string.Join(" and ", declined.Select(Title))} did not agree, so {rule.Required} of {rule.Seats.Count} sign-offs can no longer be reached. {rule.OnDisagreement}");
        }

        if (rule.IndependentEndorsement == "required" && rule.IndependentSeat is { } seat && latest.TryGetValue(seat, out var refusal) && !refusal.Agrees)
        {
            return new SignOffVerdict.Blocked($"The {Title(seat)} did not endorse the outcome. {rule.OnDisagreement}");
        }

        var missing = rule.Seats.Where(s => !inTime.ContainsKey(s) && !declined.Contains(s)).Select(Title).ToList();
        if (rule.IndependentEndorsement == "required" && !independentOk)
        {
            missing.Add(Title(rule.IndependentSeat!));
        }

        return now > deadline
            ? new SignOffVerdict.Blocked($"The sign-off deadline passed with {agreed.Count} of the {rule.Required} sign-offs needed; still missing: {string.Join(", ", missing)}. {rule.OnDisagreement}")
            : new SignOffVerdict.Pending($"{agreed.Count} of {rule.Required} sign-offs so far; waiting for {string.Join(", ", missing)}.");
    }
}
