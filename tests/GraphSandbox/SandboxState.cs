using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>Everything the sandbox remembers: mailboxes and their folders, subscriptions, faults, counters.</summary>
public sealed class SandboxState(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SandboxMailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SandboxSubscription> _subscriptions = new(StringComparer.Ordinal);

    public TimeProvider Time { get; } = time;

    public SandboxFaults Faults { get; } = new();

    public SandboxStats Stats { get; } = new();

    public SandboxCalendars Calendars { get; } = new();

    public SandboxTeamsApps TeamsApps { get; } = new();

    /// <summary>Any address is a mailbox: the sandbox creates it on first use.</summary>
    public SandboxMailbox Mailbox(string address) => _mailboxes.GetOrAdd(address, a => new SandboxMailbox(a));

    private readonly ConcurrentDictionary<string, bool> _receivers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="address"/> a mailbox that receives what the sandbox's mailboxes send
    /// it, as a mailbox in the same organisation or beyond it would (e.g. the National Panel's).</summary>
    public void Receives(string address) => _receivers[address] = true;

    public bool IsReceiver(string address) => _receivers.ContainsKey(address);

    public IReadOnlyCollection<SandboxSubscription> Subscriptions => _subscriptions.Values.ToList();

    public SandboxSubscription? FindSubscription(string id) => _subscriptions.TryGetValue(id, out var s) ? s : null;

    public void AddSubscription(SandboxSubscription subscription) => _subscriptions[subscription.Id] = subscription;

    public bool RemoveSubscription(string id) => _subscriptions.TryRemove(id, out _);
}

public sealed class SandboxSubscription
{
    public required string Id { get; init; }

    public required string Resource { get; init; }

    public required string ChangeType { get; init; }

    public required string NotificationUrl { get; init; }

    public string? LifecycleNotificationUrl { get; init; }

    public string? ClientState { get; init; }

    public DateTimeOffset ExpirationDateTime { get; set; }

    public int Reauthorizations { get; set; }

    /// <summary>True for a calendar subscription, users/{organiser}/events; false for mail.</summary>
    public bool IsEvents => Resource.TrimEnd('/').EndsWith("/events", StringComparison.OrdinalIgnoreCase);

    /// <summary>The mailbox address in a resource such as users/{address}/mailFolders('inbox')/messages or users/{address}/events.</summary>
    public string? MailboxAddress
    {
        get
        {
            var parts = Resource.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 2 && parts[0].Equals("users", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
        }
    }

    public JsonObject ToJson() => new()
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
        ["id"] = Id,
        ["resource"] = Resource,
        ["applicationId"] = "00000000-0000-0000-0000-00000000a11c",
        ["changeType"] = ChangeType,
        ["clientState"] = ClientState,
        ["notificationUrl"] = NotificationUrl,
        ["lifecycleNotificationUrl"] = LifecycleNotificationUrl,
        ["expirationDateTime"] = ExpirationDateTime.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ["creatorId"] = "00000000-0000-0000-0000-0000000c4ea7",
        ["latestSupportedTlsVersion"] = "v1_2",
    };
}

/// <summary>Misbehaviour on request. Counters count down as they are used.</summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private int _throttleNext;
    private int _dropNotifications;
    private int _loseSendAnswers;
    private int _throttleEvery;
    private long _calls;

    public int RetryAfterSeconds { get; private set; } = 1;

    public int ThrottleStatus { get; private set; } = 429;

    public int NotificationCopies { get; private set; } = 1;

    public int MaxExpirationMinutes { get; private set; } = 4230;

    public int MailboxConcurrencyLimit { get; private set; } = 4;

    public void Apply(FaultSettings settings)
    {
        lock (_gate)
        {
            _throttleNext = settings.ThrottleNext ?? _throttleNext;
            RetryAfterSeconds = settings.RetryAfterSeconds ?? RetryAfterSeconds;
            ThrottleStatus = settings.ThrottleStatus ?? ThrottleStatus;
            _dropNotifications = settings.DropNotifications ?? _dropNotifications;
            NotificationCopies = settings.NotificationCopies ?? NotificationCopies;
            MaxExpirationMinutes = settings.MaxExpirationMinutes ?? MaxExpirationMinutes;
            MailboxConcurrencyLimit = settings.MailboxConcurrencyLimit ?? MailboxConcurrencyLimit;
            _loseSendAnswers = settings.LoseSendAnswers ?? _loseSendAnswers;
            _throttleEvery = settings.ThrottleEvery ?? _throttleEvery;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _throttleNext = 0;
            _dropNotifications = 0;
            _loseSendAnswers = 0;
            _throttleEvery = 0;
            _draftHold?.Release();
            _draftHold = null;
            RetryAfterSeconds = 1;
            ThrottleStatus = 429;
            NotificationCopies = 1;
            MaxExpirationMinutes = 4230;
            MailboxConcurrencyLimit = 4;
        }
    }

    /// <summary>True when this call is to be throttled: one of the next N asked for, or every Nth call
    /// while <c>throttleEvery</c> is set (throttling that keeps coming through a long catch-up).</summary>
    public bool TakeThrottle()
    {
        lock (_gate)
        {
            _calls++;
            if (_throttleEvery > 0 && _calls % _throttleEvery == 0)
            {
                return true;
            }

            if (_throttleNext <= 0)
            {
                return false;
            }

            _throttleNext--;
            return true;
        }
    }

    private SandboxHold? _draftHold;

    /// <summary>
    /// Holds the next draft created in any mailbox (POST /users/{id}/messages) until the test releases
    /// it: a send caught in flight, so a test can see what else happens meanwhile. Only in-process
    /// tests arm it; the HTTP control surface does not, as a hold nobody releases would hang the stack.
    /// </summary>
    public SandboxHold HoldNextDraft()
    {
        lock (_gate)
        {
            _draftHold = new SandboxHold();
            return _draftHold;
        }
    }

    /// <summary>The armed hold for this draft, taken once; null when none is armed.</summary>
    public SandboxHold? TakeDraftHold()
    {
        lock (_gate)
        {
            var hold = _draftHold;
            _draftHold = null;
            return hold;
        }
    }

    /// <summary>True when this send, already carried out, should be answered as if the answer was lost on the way.</summary>
    public bool TakeLostSendAnswer()
    {
        lock (_gate)
        {
            if (_loseSendAnswers <= 0)
            {
                return false;
            }

            _loseSendAnswers--;
            return true;
        }
    }

    public bool TakeDrop()
    {
        lock (_gate)
        {
            if (_dropNotifications <= 0)
            {
                return false;
            }

            _dropNotifications--;
            return true;
        }
    }

    public object Describe()
    {
        lock (_gate)
        {
            return new { throttleNext = _throttleNext, RetryAfterSeconds, ThrottleStatus, dropNotifications = _dropNotifications, NotificationCopies, MaxExpirationMinutes, MailboxConcurrencyLimit, loseSendAnswers = _loseSendAnswers, throttleEvery = _throttleEvery };
        }
    }
}

/// <summary>A request held by the sandbox: <see cref="Entered"/> completes when the request arrives,
/// and it goes on to be served when <see cref="Release"/> is called.</summary>
public sealed class SandboxHold
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    internal Task WaitAsync(CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        return _released.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>POST /sandbox/faults body; a missing value leaves the setting as it is.</summary>
public sealed record FaultSettings(
    int? ThrottleNext,
    int? RetryAfterSeconds,
    int? ThrottleStatus,
    int? DropNotifications,
    int? NotificationCopies,
    int? MaxExpirationMinutes,
    int? MailboxConcurrencyLimit,
    int? LoseSendAnswers = null,
    int? ThrottleEvery = null);

/// <summary>What happened, for tests and for people watching the local stack.</summary>
public sealed class SandboxStats
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _servedByKind = new(StringComparer.OrdinalIgnoreCase);
    private long _graphRequests;
    private long _throttled;
    private long _concurrencyRejections;
    private long _notificationsDelivered;
    private long _notificationsDropped;
    private long _attachmentContentServed;
    private long _attachmentBytesServed;

    /// <summary>How many times an attachment's contentBytes left the sandbox, and how many bytes in all.</summary>
    public long AttachmentContentServed => Interlocked.Read(ref _attachmentContentServed);

    public long AttachmentBytesServed => Interlocked.Read(ref _attachmentBytesServed);

    public void CountAttachmentContentServed(long size)
    {
        Interlocked.Increment(ref _attachmentContentServed);
        Interlocked.Add(ref _attachmentBytesServed, size);
    }

    public long GraphRequests => Interlocked.Read(ref _graphRequests);

    public long Throttled => Interlocked.Read(ref _throttled);

    public long ConcurrencyRejections => Interlocked.Read(ref _concurrencyRejections);

    public long NotificationsDelivered => Interlocked.Read(ref _notificationsDelivered);

    public long NotificationsDropped => Interlocked.Read(ref _notificationsDropped);

    public void CountRequest() => Interlocked.Increment(ref _graphRequests);

    public void CountThrottled() => Interlocked.Increment(ref _throttled);

    /// <summary>Graph calls answered (not throttled), by what they were for: delta, subscriptions,
    /// messages (reads and drafts), attachments, send.</summary>
    public IReadOnlyDictionary<string, long> ServedByKind => new Dictionary<string, long>(_servedByKind, StringComparer.OrdinalIgnoreCase);

    public void CountServed(string kind) => _servedByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void CountConcurrencyRejection() => Interlocked.Increment(ref _concurrencyRejections);

    public void CountDelivered() => Interlocked.Increment(ref _notificationsDelivered);

    public void CountDropped() => Interlocked.Increment(ref _notificationsDropped);

    /// <summary>Marks a request to <paramref name="mailbox"/> as started; returns how many are now in flight.</summary>
    public int Enter(string mailbox)
    {
        var now = _inFlight.AddOrUpdate(mailbox, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(mailbox, now, (_, max) => Math.Max(max, now));
        return now;
    }

    public void Leave(string mailbox) => _inFlight.AddOrUpdate(mailbox, 0, (_, n) => n - 1);

    public object Describe() => new
    {
        graphRequests = GraphRequests,
        throttled = Throttled,
        servedByKind = ServedByKind,
        concurrencyRejections = ConcurrencyRejections,
        notificationsDelivered = NotificationsDelivered,
        notificationsDropped = NotificationsDropped,
        attachmentContentServed = AttachmentContentServed,
        attachmentBytesServed = AttachmentBytesServed,
        maxConcurrentRequestsPerMailbox = _maxInFlight.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase),
    };
}
