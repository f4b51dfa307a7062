namespace TeamsReviewBot.Process.Streams;

/// <summary>How a stream's events fold into the state decisions are made on.</summary>
public interface IStreamFold<TState>
{
    TState Initial(string streamId);

    TState Apply(TState state, StoredEvent stored);
}
