using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// The case service, its timer handler and two timer pumps (two instances of the service) on real
/// Azurite tables, driven by a FakeTimeProvider. <see cref="RunUntilAsync"/> moves the clock from one
/// stored timer to the next, so every reminder fires at the very instant it was set for.
/// <see cref="Restart"/> throws away every in-memory cache, as a restart of the service would.
/// </summary>
internal sealed class CaseWorld
{
    private readonly StorageTables _tables;

    public CaseWorld(AzuriteFixture azurite, DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);
        _tables = azurite.CreateTables();
        Restart();
    }

    public FakeTimeProvider Clock { get; }

    public CaseService Service { get; private set; } = null!;

    public CaseIndexStore Index { get; private set; } = null!;

    public DurableTimerStore Timers { get; private set; } = null!;

    public List<string> Problems { get; } = [];

    /// <summary>When the playbook's draft-report point came for each case (the report itself is
    /// built and emailed by the bot's handler, tested with the whole bot in ReportDraftTimerTests).</summary>
    public RecordedReportDraftPoints ReportDrafts { get; } = new();

    /// <summary>What the business managers were sent in Teams, in order.</summary>
    public RecordedAlerts Alerts { get; } = new();

    public RecordedAfterwardsPoints AfterwardsPoints { get; } = new();

    public RecordedReportAnnouncements ReportAnnouncements { get; } = new();

    private TimerPump[] Pumps { get; set; } = [];

    /// <summary>Another instance of the service on the same storage, with caches of its own.</summary>
    public CaseService OtherInstance()
    {
        var events = new TableCaseEventStore(_tables);
        var cases = new AggregateStore<CaseState>(events, new CaseFold(Catalogue));
        var timers = new DurableTimerStore(_tables, Clock);
        return new CaseService(cases, events, new CaseIndexStore(_tables), timers, new CaseCodeAllocator(_tables), Catalogue, Schedule, new ReminderPlanner(WorkingDays, new ReminderOptions()), Clock, NullLogger<CaseService>.Instance);
    }

    public void Restart()
    {
        var events = new TableCaseEventStore(_tables);
        var cases = new AggregateStore<CaseState>(events, new CaseFold(Catalogue));
        Index = new CaseIndexStore(_tables);
        Timers = new DurableTimerStore(_tables, Clock);
        Service = new CaseService(cases, events, Index, Timers, new CaseCodeAllocator(_tables), Catalogue, Schedule, new ReminderPlanner(WorkingDays, new ReminderOptions()), Clock, NullLogger<CaseService>.Instance);
        var notifier = new TeamsBusinessManagerNotifier(Service, Alerts, NullLogger<TeamsBusinessManagerNotifier>.Instance);
        var handler = new CaseDeadlineTimerHandler(Service, notifier);
        var panelDate = new TeamsReviewBot.Workflows.Submission.PanelDateNotice(Service, notifier);
        Pumps = [Pump(handler, ReportDrafts, AfterwardsPoints, panelDate, ReportAnnouncements), Pump(handler, ReportDrafts, AfterwardsPoints, panelDate, ReportAnnouncements)];
    }

    /// <summary>Fires every timer due up to <paramref name="target"/>, in time order, then sets the clock there.</summary>
    public Task RunUntilAsync(DateTimeOffset target) => TimerDriver.RunUntilAsync(Clock, Pumps, Timers, target, Problems);

    public async Task<int> TimerRowsAsync()
    {
        // Every row but the note a case's timers keep of what they were set from.
        var table = await _tables.GetAsync(_tables.Names.Timers);
        return table.Query<TableEntity>(e => e.RowKey != "~note").Count();
    }

    private TimerPump Pump(params ITimerHandler[] handlers) =>
        new(Timers, handlers, Options.Create(new TimerPumpOptions()), new RecordedAlerts(), Clock, new ProblemLogger<TimerPump>(Problems));
}

/// <summary>Stands in for the Teams posting of alerts (tested on its own with a real connector in
/// the Teams tests): it keeps each sentence so a test can read what business managers were told.</summary>
internal sealed class RecordedAlerts : TeamsReviewBot.Workflows.Outbound.IBusinessManagerAlerts
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sentences = new();

    public IReadOnlyList<string> Sentences => [.. _sentences];

    public Task<int> AlertAsync(string sentence, CancellationToken cancellationToken)
    {
        _sentences.Enqueue(sentence);
        return Task.FromResult(1);
    }


    public Task<int> AlertAsync(string sentence, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken) => AlertAsync(sentence, cancellationToken);
}

/// <summary>Records each draft-report timer as it fires, with the clock's time then.</summary>
internal sealed class RecordedReportDraftPoints : ITimerHandler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string CaseCode, DateTimeOffset DueAt)> _fired = new();

    public string Kind => TeamsReviewBot.Process.Report.ReportDraftPoint.TimerKind;

    public IReadOnlyList<(string CaseCode, DateTimeOffset DueAt)> Fired => [.. _fired];

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        _fired.Enqueue((timer.StreamId, timer.DueAt));
        return Task.CompletedTask;
    }
}

/// <summary>Records each report version's announcement timer; the announcement in the case's thread
/// is tested through the bot in Workflows/SignOff, not by this service-level story.</summary>
internal sealed class RecordedReportAnnouncements : ITimerHandler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _fired = new();

    public string Kind => TeamsReviewBot.Process.SignOff.ReportAnnouncement.TimerKind;

    public IReadOnlyList<string> Fired => [.. _fired];

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        _fired.Enqueue(timer.Id);
        return Task.CompletedTask;
    }
}

/// <summary>Records when the afterwards timer came due; its letters and lesson logs are tested
/// through the bot in Workflows/Afterwards, not by this service-level story.</summary>
internal sealed class RecordedAfterwardsPoints : ITimerHandler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string CaseCode, DateTimeOffset DueAt)> _fired = new();

    public string Kind => TeamsReviewBot.Process.Afterwards.AfterwardsPoint.TimerKind;

    public IReadOnlyList<(string CaseCode, DateTimeOffset DueAt)> Fired => [.. _fired];

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        _fired.Enqueue((timer.StreamId, timer.DueAt));
        return Task.CompletedTask;
    }
}
