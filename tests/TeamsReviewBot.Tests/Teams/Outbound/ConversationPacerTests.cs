using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Teams.Outbound;

namespace TeamsReviewBot.Tests.Teams.Outbound;

/// <summary>Teams' per-thread limits: 7 operations in 1 s, 8 in 2 s, 60 in 30 s.</summary>
public sealed class ConversationPacerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Seven_posts_go_at_once_and_the_eighth_waits_for_the_first_second_to_pass()
    {
        var pacer = new ConversationPacer(_time);
        for (var i = 0; i < 7; i++)
        {
            await pacer.WaitTurnAsync("thread", CancellationToken.None);
        }

        var eighth = pacer.WaitTurnAsync("thread", CancellationToken.None);
        Assert.False(eighth.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_ninth_post_waits_for_the_two_second_window()
    {
        var pacer = new ConversationPacer(_time);
        for (var i = 0; i < 7; i++)
        {
            await pacer.WaitTurnAsync("thread", CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        await pacer.WaitTurnAsync("thread", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var ninth = pacer.WaitTurnAsync("thread", CancellationToken.None);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(ninth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await ninth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Sixty_posts_fill_the_thirty_second_window()
    {
        var pacer = new ConversationPacer(_time);
        var sent = 0;
        var start = _time.GetUtcNow();
        while (sent < 61)
        {
            var turn = pacer.WaitTurnAsync("thread", CancellationToken.None);
            while (!turn.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(250));
                await Task.Yield();
            }

            await turn;
            sent++;
            if (sent == 60)
            {
                Assert.True(_time.GetUtcNow() - start < TimeSpan.FromSeconds(30));
            }
        }

        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(30), "the 61st post went inside the 30 s window");
    }

    [Fact]
    public async Task A_busy_thread_does_not_hold_up_another()
    {
        var pacer = new ConversationPacer(_time);
        for (var i = 0; i < 7; i++)
        {
            await pacer.WaitTurnAsync("busy", CancellationToken.None);
        }

        var blocked = pacer.WaitTurnAsync("busy", CancellationToken.None);
        var other = pacer.WaitTurnAsync("quiet", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(blocked.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
