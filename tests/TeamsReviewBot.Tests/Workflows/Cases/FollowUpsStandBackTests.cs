using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// While clicks are being answered, cases' follow-ups wait, so the answers people wait on do not
/// queue behind card edits and mail at storage; once nobody waits, or after the set time whatever
/// the load, they go. Runs the bot on Kestrel and Azurite as deployed (follow-ups after
/// the reply); a request whose body has not finished arriving stands for a click being answered.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class FollowUpsStandBackTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task While_a_click_is_being_answered_a_vote_s_follow_up_waits_and_goes_once_nobody_waits()
    {
        var bot = await StartAsync(standBackAtMost: "00:01:00");
        var code = await bot.ReferAsync(Bea);
        bot.AwaitFollowUps = false;

        // Someone's click is being answered when a panel member votes.
        await using var click = await ClickBeingAnswered.StartAsync(bot);
        var answer = await bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        Assert.Contains("Votes: 1 of 3 seats", PanelBot.Words(answer), StringComparison.Ordinal);

        // Her vote is answered and stored, its follow-up owed: the panel's shared card waits while the click is answered.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(bot.SharedCardShown(code, ShowsOneVote));
        Assert.NotNull(await Owed.FindAsync(code));

        // The click is answered: the follow-up goes, and is done.
        await click.FinishAsync();
        await bot.SharedCardAsync(code, ShowsOneVote, "the shared card with her vote");
        await Pending.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(await Owed.FindAsync(code));
    }

    [Fact]
    public async Task A_follow_up_goes_after_the_set_time_though_a_click_is_still_being_answered()
    {
        var bot = await StartAsync(standBackAtMost: "00:00:02");
        var code = await bot.ReferAsync(Bea);
        bot.AwaitFollowUps = false;

        await using var click = await ClickBeingAnswered.StartAsync(bot);
        await bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");

        await bot.SharedCardAsync(code, ShowsOneVote, "the shared card with her vote");
        await Pending.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(await Owed.FindAsync(code));
        Assert.True(bot.Services.GetRequiredService<RequestsBeingAnswered>().InFlight > 0);
    }

    private PendingCaseFollowUps Pending => _bot!.Services.GetRequiredService<PendingCaseFollowUps>();

    private CaseFollowUpRows Owed => _bot!.Services.GetRequiredService<CaseFollowUpRows>();

    private static bool ShowsOneVote(string card) => card.Contains("Votes: 1 of 3 seats", StringComparison.Ordinal);

    private async Task<PanelBot> StartAsync(string standBackAtMost)
    {
        _bot = await PanelBot.StartAsync(
            azurite,
            "oldham",
            StatutoryPanel,
            new Dictionary<string, string?>
            {
                ["CaseFollowUps:RunBeforeReply"] = "false",
                ["CaseFollowUps:StandBackWhileAnsweringAtMost"] = standBackAtMost,
            });
        return _bot;
    }

    /// <summary>A request to /api/messages whose body is still arriving (sent over a socket, its length
    /// announced and half of it written): the bot is answering it until the rest arrives.</summary>
    private sealed class ClickBeingAnswered : IAsyncDisposable
    {
        private static readonly byte[] Body = "{\"type\":1}"u8.ToArray();
        private readonly TcpClient _socket = new();
        private NetworkStream? _stream;
        private bool _finished;

        public static async Task<ClickBeingAnswered> StartAsync(PanelBot bot)
        {
            var click = new ClickBeingAnswered();
            var requests = bot.Services.GetRequiredService<RequestsBeingAnswered>();
            var before = requests.InFlight;
            var address = bot.Client.BaseAddress!;
            await click._socket.ConnectAsync(address.Host, address.Port);
            click._stream = click._socket.GetStream();
            var head = $"POST /api/messages HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n";
            await click._stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await click._stream.WriteAsync(Body.AsMemory(0, Body.Length / 2));
            await click._stream.FlushAsync();
            await LocalIntake.WaitUntilAsync(() => Task.FromResult(requests.InFlight > before), "the bot to start answering the request");

            return click;
        }

        /// <summary>The rest of the body arrives (not an activity): the bot answers it with a 400.</summary>
        public async Task FinishAsync()
        {
            _finished = true;
            await _stream!.WriteAsync(Body.AsMemory(Body.Length / 2));
            await _stream.FlushAsync();
            var answer = new byte[64];
            var read = await _stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.StartsWith("HTTP/1.1 400", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_finished)
            {
                await FinishAsync();
            }

            _socket.Dispose();
        }
    }
}
