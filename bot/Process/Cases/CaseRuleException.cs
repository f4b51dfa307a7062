namespace TeamsReviewBot.Process.Cases;

/// <summary>A move the process does not allow, with a sentence a business manager understands.</summary>
public sealed class CaseRuleException : Exception
{
    public CaseRuleException(string message)
        : base(message)
    {
    }

    public CaseRuleException()
        : base("That is not allowed at this point in the case.")
    {
    }

    public CaseRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
