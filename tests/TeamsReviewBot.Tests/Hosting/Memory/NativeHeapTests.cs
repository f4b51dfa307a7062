using System.Globalization;
using System.Runtime.InteropServices;
using TeamsReviewBot.Hosting.Memory;

namespace TeamsReviewBot.Tests.Hosting.Memory;

/// <summary>
/// The C library keeps memory freed in the middle of its heap; trimming hands its whole free pages
/// back to the system, measured as the process's resident anonymous memory.
/// </summary>
public sealed class NativeHeapTests
{
    private const int BlockBytes = 32 * 1024;
    private const int Blocks = 2048;

    [Fact]
    public void Free_pages_between_blocks_still_in_use_are_handed_back_by_a_trim()
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux, where the bot is deployed.");
        Assert.True(NativeHeap.CanTrim, "glibc's malloc_trim was not found.");

        // On a thread of its own, so the blocks share one malloc arena with nothing else of the tests.
        long freedButHeld = 0, afterTrim = 0;
        var thread = new Thread(() =>
        {
            var blocks = new IntPtr[Blocks];
            var filler = new byte[BlockBytes];
            Array.Fill(filler, (byte)0x5A);
            for (var i = 0; i < Blocks; i++)
            {
                blocks[i] = Marshal.AllocHGlobal(BlockBytes);
                Marshal.Copy(filler, 0, blocks[i], BlockBytes);
            }

            // Free fifteen blocks in sixteen: 60 MiB free in runs of 480 KiB, each between two blocks
            // still in use, where free() never hands memory back.
            var before = RssAnonKib();
            for (var i = 0; i < Blocks; i++)
            {
                if (i % 16 != 15)
                {
                    Marshal.FreeHGlobal(blocks[i]);
                }
            }

            freedButHeld = before - RssAnonKib();
            NativeHeap.TrimFreePages();
            afterTrim = before - RssAnonKib();

            for (var i = 15; i < Blocks; i += 16)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        });
        thread.Start();
        thread.Join();

        Assert.True(freedButHeld < 16 * 1024, $"free() alone handed back {freedButHeld} KiB; the test's premise does not hold.");
        Assert.True(afterTrim > 40 * 1024, $"The trim handed back {afterTrim} KiB of the 60 MiB freed.");
    }

    private static long RssAnonKib()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
