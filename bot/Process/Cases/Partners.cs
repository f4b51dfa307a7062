namespace TeamsReviewBot.Process.Cases;

/// <summary>Partner organisations named as a business manager would say them.</summary>
public static class Partners
{
    public static string Name(string partner) => partner switch
    {
        "local-authority" => "the local authority",
        "police" => "the police",
        "health" => "health",
        _ => partner.Replace('-', ' '),
    };

    /// <summary>"the local authority, the police and health".</summary>
    public static string List(IEnumerable<string> partners)
    {
        var names = partners.Select(Name).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
