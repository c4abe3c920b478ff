using System.Runtime.Intrinsics.X86;

namespace SpectralSensitivity.Operators;

/// <summary>Copies into memory that will not be read again soon with non-temporal (streaming) stores, which bypass the cache.</summary>
/// <remarks>
/// An ordinary store to a line that is not cached first reads the line from memory (read for ownership), so writing a
/// large array moves twice its size over the memory bus; a streaming store writes the line without reading it. Used for
/// outputs far larger than the cache that are written once, such as the dense Hessian. Falls back to an ordinary copy
/// where the hardware has no 256-bit streaming store or the destination is not aligned to a double. Values are copied
/// bit for bit either way. After the last streaming copy of a result, call <see cref="Fence"/> before the result is
/// handed to another thread.
/// </remarks>
internal static class StreamingStore
{
    private const int Width = 4;         // doubles per 256-bit store
    private const int AlignmentBytes = 32;

    /// <summary>Whether <see cref="Copy"/> uses streaming stores on this machine.</summary>
    public static bool IsSupported => Avx.IsSupported;

    /// <summary><c>destination[i] ← source[i]</c> for every i of <paramref name="source"/>, with streaming stores where possible.</summary>
    /// <remarks>Scalar stores up to the first 32-byte boundary of the destination, 256-bit streaming stores after it, scalar stores for the tail. Cost O(length).</remarks>
    public static unsafe void Copy(ReadOnlySpan<double> source, Span<double> destination)
    {
        var length = source.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("the destination is shorter than the source", nameof(destination));
        }

        fixed (double* from = source)
        fixed (double* to = destination)
        {
            var address = (nuint)to;
            if (!IsSupported || address % sizeof(double) != 0)
            {
                source.CopyTo(destination);
                return;
            }

            var head = (int)Math.Min((AlignmentBytes - address % AlignmentBytes) % AlignmentBytes / sizeof(double), (nuint)length);
            var i = 0;
            for (; i < head; i++)
            {
                to[i] = from[i];
            }

            for (; i + Width <= length; i += Width)
            {
                Avx.StoreAlignedNonTemporal(to + i, Avx.LoadVector256(from + i));
            }

            for (; i < length; i++)
            {
                to[i] = from[i];
            }
        }
    }

    /// <summary>Orders the streaming stores made so far before any later store (an <c>sfence</c>); a no-op without streaming stores.</summary>
    public static void Fence()
    {
        if (IsSupported)
        {
            Sse.StoreFence();
        }
    }
}
