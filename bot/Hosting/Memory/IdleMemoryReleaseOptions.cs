namespace TeamsReviewBot.Hosting.Memory;

/// <summary>
/// When the instance hands back the memory a busy spell left committed (docs/memory.md, "Memory handed
/// back when idle"). Section "IdleMemoryRelease".
/// </summary>
public sealed class IdleMemoryReleaseOptions
{
    public const string SectionName = "IdleMemoryRelease";

    /// <summary>False keeps what the runtime and the C library hold until they reuse it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the instance looks whether it has gone quiet.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Allocating less than this between two looks counts as quiet. An idle bot's mailbox polls, timer
    /// sweeps and lease renewals allocate far less; one referral read or a few clicks allocate more.
    /// </summary>
    public long QuietUnderBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// Only after this much has been allocated since the last release is another worth its full,
    /// blocking collection: an instance that stays idle releases once, not every look.
    /// </summary>
    public long AfterAllocatingBytes { get; set; } = 32 * 1024 * 1024;
}
