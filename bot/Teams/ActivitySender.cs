namespace TeamsReviewBot.Teams;

/// <summary>Who sent an activity, as far as Teams says.</summary>
public static class ActivitySender
{
    /// <summary>The tenant of the person who sent an activity: their own when Teams sends it on
    /// from, else the tenant Teams gives in channelData, else the conversation's.</summary>
    public static string? TenantOf(Activity activity) =>
        activity.From?.TenantId ?? activity.ChannelData?.Tenant?.Id ?? activity.Conversation?.TenantId;
}
