namespace TeamsReviewBot.Hosting;

/// <summary>
/// Stands in for an exception in a warning or error log: the same type name, message and stack
/// trace, with every email address in the message hashed (<see cref="AddressHash"/>). Graph's and
/// the connector's errors can quote a recipient or sender, and a log line must not carry it.
/// </summary>
public sealed class AddressRedactedException : Exception
{
    private readonly Exception _original;

    public AddressRedactedException()
        : this(new InvalidOperationException())
    {
    }

    public AddressRedactedException(string message)
        : this(new InvalidOperationException(message))
    {
    }

    public AddressRedactedException(string message, Exception innerException)
        : this(innerException ?? new InvalidOperationException(message))
    {
    }

    private AddressRedactedException(Exception original)
        : base(null)
    {
        _original = original;
    }

    public override string Message => $"{_original.GetType().FullName}: {AddressHash.Redact(_original.Message)}"
        + (_original.InnerException is { } inner ? $" ---> {inner.GetType().FullName}: {AddressHash.Redact(inner.Message)}" : string.Empty);

    public override string? StackTrace => _original.StackTrace;

    /// <summary>What to hand a logger in place of <paramref name="exception"/>.</summary>
    public static Exception For(Exception exception) => new AddressRedactedException(exception ?? throw new ArgumentNullException(nameof(exception)));
}
