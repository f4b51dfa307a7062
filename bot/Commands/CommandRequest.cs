namespace TeamsReviewBot.Commands;

/// <summary>Who typed a command, where, and what followed the command's name.</summary>
public sealed record CommandRequest(string Arguments, CommandSender Sender, string ConversationId, string ConversationType);

/// <summary>The person behind a chat message as Teams identifies them.</summary>
public sealed record CommandSender(string UserId, string? AadObjectId, string? Name, string? TenantId);
