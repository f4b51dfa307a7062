using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Workflows.Intake;

[Collection(AzuriteGroup.Name)]
public sealed class SenderAddressLoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_alert_about_a_senders_mail_that_cannot_be_delivered_logs_a_hash_of_the_address_not_the_address()
    {
        var options = new PartnershipOptions();
        options.People.Add(new PersonOptions { AadObjectId = "bm-object-id", Name = "Bea Manning", Role = PartnershipRole.BusinessManager, TenantId = "tenant" });
        var logs = new CapturedLogs();
        using var loggers = new LoggerFactory([logs]);
        using var http = new HttpClient();
        var alerts = new TeamsBusinessManagerAlerts(
            new PartnershipDirectory(Options.Create(options), Options.Create(new TeamsReviewBot.Teams.Auth.BotAuthOptions())),
            new ConversationReferenceStore(azurite.CreateTables(), new FakeTimeProvider(DateTimeOffset.UtcNow), LocalServiceUrls.Policy),
            new ConnectorClient(http, new NoConnectorToken(), LocalServiceUrls.Policy),
            loggers.CreateLogger<TeamsBusinessManagerAlerts>());

        var reached = await alerts.AlertAsync("Mail from Jo.Parent@family.example needs a business manager: Not a referral.", CancellationToken.None);

        Assert.Equal(0, reached);
        var line = Assert.Single(logs.Lines, l => l.Level == LogLevel.Error);
        Assert.DoesNotContain("family.example", line.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(AddressHash.Of("jo.parent@family.example"), line.Message, StringComparison.Ordinal);
    }
}

public sealed class AddressRedactedExceptionTests
{
    [Fact]
    public void A_failure_quoting_a_senders_address_is_logged_with_its_type_stack_and_a_hash_of_the_address()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("Recipient 'Pat.Example@school.example' was rejected.");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        var logged = AddressRedactedException.For(thrown).ToString();

        Assert.DoesNotContain("school.example", logged, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(AddressHash.Of("pat.example@school.example"), logged, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", logged, StringComparison.Ordinal);
        Assert.Contains(nameof(A_failure_quoting_a_senders_address_is_logged_with_its_type_stack_and_a_hash_of_the_address), logged, StringComparison.Ordinal);
    }
}
