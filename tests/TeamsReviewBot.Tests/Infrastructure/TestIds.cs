namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>The people, tenant and conversations the Teams tests use.</summary>
public static class TestIds
{
    public const string Tenant = "11111111-1111-1111-1111-111111111111";
    public const string Bot = "28:22222222-2222-2222-2222-222222222222";
    public const string AdaAad = "33333333-3333-3333-3333-333333333333";
    public const string Ada = "29:user-ada";
    public const string BobAad = "44444444-4444-4444-4444-444444444444";
    public const string Bob = "29:user-bob";
    public const string Team = "19:team-panel@thread.tacv2";
    public const string Channel = "19:channel-general@thread.tacv2";
    public const string AdaChat = "a:personal-ada";

    /// <summary>The settings every Teams test shares: two business managers and a police lead in one tenant.</summary>
    public static Dictionary<string, string?> People() => new()
    {
        ["Partnership:People:0:AadObjectId"] = AdaAad,
        ["Partnership:People:0:Name"] = "Ada Lovelace",
        ["Partnership:People:0:Role"] = "BusinessManager",
        ["Partnership:People:0:TenantId"] = Tenant,
        ["Partnership:People:1:AadObjectId"] = BobAad,
        ["Partnership:People:1:Name"] = "Bob Builder",
        ["Partnership:People:1:Role"] = "StatutoryLead",
        ["Partnership:People:1:Partner"] = "Police",
        ["Partnership:People:1:TenantId"] = Tenant,
    };
}
