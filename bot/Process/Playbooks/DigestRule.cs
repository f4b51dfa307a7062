namespace TeamsReviewBot.Process.Playbooks;

/// <summary>
/// When the business managers' working-morning digest goes out, London time, on working days. Not a
/// seed rule (no seed names a daily summary), so it cites nothing: a partnership sets the time that
/// suits its office, and a playbook without the section gets <see cref="DefaultTime"/>.
/// </summary>
public sealed record DigestRule(TimeOnly Time)
{
    public static TimeOnly DefaultTime { get; } = new(8, 30);
}
