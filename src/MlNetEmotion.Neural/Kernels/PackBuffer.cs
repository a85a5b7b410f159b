using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlNetEmotion.Neural.Kernels;

/// <summary>A pinned, 64-byte aligned float scratch buffer, pooled per thread: after warm-up a kernel call
/// allocates nothing. Rent/return (rather than a bare thread-static) keeps re-entrant use safe.</summary>
internal sealed unsafe class PackBuffer
{
    [ThreadStatic] private static PackBuffer? cachedA;
    [ThreadStatic] private static PackBuffer? cachedB;

    private float[] array = [];

    /// <summary>Aligned start of the usable storage.</summary>
    public float* Pointer { get; private set; }

    /// <summary>Takes this thread's buffer for slot 0 (A panels) or 1 (B panels), with at least
    /// <paramref name="floats"/> usable floats.</summary>
    public static PackBuffer Rent(int slot, int floats)
    {
        ref PackBuffer? cached = ref slot == 0 ? ref cachedA : ref cachedB;
        var buffer = cached ?? new PackBuffer();
        cached = null;
        buffer.Ensure(floats);
        return buffer;
    }

    /// <summary>Gives the buffer back to this thread's slot.</summary>
    public static void Return(int slot, PackBuffer buffer)
    {
        if (slot == 0) cachedA = buffer;
        else cachedB = buffer;
    }

    private void Ensure(int floats)
    {
        if (array.Length >= floats + 16) return;
        array = GC.AllocateUninitializedArray<float>(floats + 16, pinned: true);
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        nint aligned = (start + 63) & ~(nint)63;
        Pointer = (float*)aligned;
    }
}
