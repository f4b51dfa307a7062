namespace TeamsReviewBot.Process.Playbooks;

/// <summary>A playbook that cannot be used: which file, which field, and why.</summary>
public sealed class PlaybookException : Exception
{
    public PlaybookException(string file, string field, string reason, Exception? inner = null)
        : base($"Playbook {file} is not valid: {field}: {reason}", inner)
    {
        File = file;
        Field = field;
        Reason = reason;
    }

    public PlaybookException()
        : this("(unknown)", "(unknown)", "not valid")
    {
    }

    public PlaybookException(string message)
        : this("(unknown)", "(unknown)", message)
    {
    }

    public PlaybookException(string message, Exception innerException)
        : this("(unknown)", "(unknown)", message, innerException)
    {
    }

    public string File { get; }

    public string Field { get; }

    public string Reason { get; }
}
