namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;

/// <summary>The people of the test panels (the ids of the Agents Playground's fictional Oldham panel).</summary>
public static class Panels
{
    public static readonly Person Bea = new("29:user-bm", "30000000-0000-0000-0000-000000000001", "Bea Manning", "BusinessManager");
    public static readonly Person Lola = new("29:user-la", "30000000-0000-0000-0000-000000000002", "Lola Adeyemi", "StatutoryLead", "LocalAuthority");
    public static readonly Person Pat = new("29:user-police", "30000000-0000-0000-0000-000000000003", "Pat Okafor", "StatutoryLead", "Police");
    public static readonly Person Hana = new("29:user-health", "30000000-0000-0000-0000-000000000004", "Hana Brook", "StatutoryLead", "Health");
    public static readonly Person Dev = new("29:user-deputy", "30000000-0000-0000-0000-000000000005", "Dev Shah", "Deputy", "Health");
    public static readonly Person Vic = new("29:user-visitor", "30000000-0000-0000-0000-000000000006", "Vic Torres", null);

    // Salford's virtual panel: an independent adviser, the practice review group's chair and deputy chair, and the business manager.
    public static readonly Person Ian = new("29:user-adviser", "30000000-0000-0000-0000-000000000007", "Ian Adebayo", "IndependentAdviser");
    public static readonly Person Chloe = new("29:user-chair", "30000000-0000-0000-0000-000000000008", "Chloe Fenn", "Chair");
    public static readonly Person Dana = new("29:user-deputy-chair", "30000000-0000-0000-0000-000000000009", "Dana Quist", "Chair");

    public static readonly IReadOnlyList<Person> StatutoryPanel = [Bea, Lola, Pat, Hana, Dev, Vic];

    public static readonly IReadOnlyList<Person> SalfordPanel = [Bea, Ian, Chloe, Dana, Lola, Vic];
}
