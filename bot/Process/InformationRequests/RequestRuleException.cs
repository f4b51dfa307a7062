namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>A move the request rules do not allow, with a sentence a business manager understands.</summary>
public sealed class RequestRuleException : Exception
{
    public RequestRuleException()
    {
    }

    public RequestRuleException(string message)
        : base(message)
    {
    }

    public RequestRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
