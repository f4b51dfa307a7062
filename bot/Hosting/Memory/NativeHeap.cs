using System.Runtime.InteropServices;

namespace TeamsReviewBot.Hosting.Memory;

/// <summary>
/// The C library's heap, where the JIT, the runtime, ICU and OpenSSL allocate. glibc keeps what they
/// free for the next allocation; <c>malloc_trim(0)</c> hands back every whole free page, in every
/// arena and in the middle of the heap, not only at its top (the malloc_trim(3) manual page, "Since
/// glibc 2.8"). Found at run time: where there is no glibc (Windows, musl) there is nothing to trim.
/// </summary>
public static class NativeHeap
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MallocTrim(nuint pad);

    private static readonly MallocTrim? Trim = Find();

    /// <summary>Whether this process's C library can hand free pages back.</summary>
    public static bool CanTrim => Trim is not null;

    /// <summary>Hands back the free pages.</summary>
    public static void TrimFreePages() => _ = Trim?.Invoke(0);

    private static MallocTrim? Find()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return null;
        }

        return NativeLibrary.TryGetExport(libc, "malloc_trim", out var address)
            ? Marshal.GetDelegateForFunctionPointer<MallocTrim>(address)
            : null;
    }
}
