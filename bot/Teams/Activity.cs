using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamsReviewBot.Teams;

/// <summary>
/// A Bot Framework activity as Teams and the Agents Playground send it (only the fields the bot
/// reads or writes; anything else is ignored on the way in and omitted on the way out).
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? ReplyToId { get; set; }

    public string? Action { get; set; }

    public string? Locale { get; set; }

    public JsonNode? Value { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<JsonObject>? Entities { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    /// <summary>The person's own tenant, when Teams sends it (TeamsChannelAccount.tenantId).</summary>
    public string? TenantId { get; set; }

    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonNode? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }
}

/// <summary>Teams' channelData: which tenant, team and channel an activity belongs to.</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }

    public TeamInfo? Team { get; set; }

    public ChannelInfo? Channel { get; set; }

    [JsonExtensionData]
    public JsonObject? Other { get; set; }
}

public sealed class TenantInfo
{
    public string? Id { get; set; }
}

public sealed class TeamInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadGroupId { get; set; }
}

public sealed class ChannelInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

/// <summary>The activity types the bot tells apart.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";
}
