using Microsoft.Extensions.Options;
using TeamsReviewBot.Teams.Auth;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>The service URL policy of a development-mode bot: the Teams service plus loopback, where
/// the tests' FakeConnector listens.</summary>
public static class LocalServiceUrls
{
    public static ServiceUrlPolicy Policy { get; } = new(Options.Create(new BotAuthOptions { DevelopmentMode = true }));
}
