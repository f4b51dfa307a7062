using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// What mail intake records on a case, each once: decided against the folded case, so the check
/// ("this message is recorded already") is part of the same append and two workers handling the
/// same message record it once.
/// </summary>
public static class IntakeRules
{
    /// <summary>The referral as read, unless the case has it from this message already.</summary>
    public static IReadOnlyList<NewEvent> RecordReferral(CaseState state, ReferralReceived received, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(received);
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId} to record the referral on.");
        }

        var recorded = received.InternetMessageId is { } id ? state.ReferralMessages.Contains(id) : state.ReferralReceived;
        return recorded ? [] : [Event(IntakeEventTypes.ReferralReceived, received, now)];
    }

    /// <summary>The referrer was acknowledged: once per case.</summary>
    public static IReadOnlyList<NewEvent> RecordAcknowledgement(CaseState state, string? internetMessageId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId} to record the acknowledgement on.");
        }

        return state.ReferrerAcknowledged ? [] : [Event(IntakeEventTypes.ReferrerAcknowledged, new ReferrerAcknowledged(internetMessageId), now)];
    }

    /// <summary>The date the National Panel expects the partnership's response (the Rapid Review report) by, from its
    /// "Serious Incident logged" email (seed-004 L130): once per message that said it.</summary>
    public static IReadOnlyList<NewEvent> RecordPanelResponseDate(CaseState state, NationalPanelResponseExpected expected, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(expected);
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId} to record the National Panel's response date on.");
        }

        return state.PanelResponseMessages.Contains(expected.InternetMessageId) ? [] : [Event(IntakeEventTypes.NationalPanelResponseExpected, expected, now)];
    }

    /// <summary>An intake event as it goes on the stream.</summary>
    public static NewEvent Event<T>(string type, T data, DateTimeOffset now) => new(type, CaseJson.Write(data), now);
}
