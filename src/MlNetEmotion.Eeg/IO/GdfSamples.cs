using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace MlNetEmotion.Eeg.IO;

/// <summary>Sizes of the GDF sample types and the decoding of a run of little-endian samples to scaled values.</summary>
internal static class GdfSamples
{
    /// <summary>The data type codes this reader decodes, for messages.</summary>
    public const string KnownCodes = "1-8 (int8, uint8, int16, uint16, int32, uint32, int64, uint64), 16 (float32) or 17 (float64)";

    /// <summary>True when <paramref name="code"/> is a sample type this reader decodes.</summary>
    public static bool IsKnown(int code) => code is >= 1 and <= 8 or 16 or 17;

    /// <summary>Bytes per sample.</summary>
    public static int SizeOf(GdfSampleType type) => type switch
    {
        GdfSampleType.Int8 or GdfSampleType.UInt8 => 1,
        GdfSampleType.Int16 or GdfSampleType.UInt16 => 2,
        GdfSampleType.Int32 or GdfSampleType.UInt32 or GdfSampleType.Float32 => 4,
        GdfSampleType.Int64 or GdfSampleType.UInt64 or GdfSampleType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a GDF sample type"),
    };

    /// <summary>
    /// Decodes <paramref name="target"/>.Length samples from <paramref name="bytes"/> (GDF is little-endian,
    /// as is every platform .NET runs this on) and maps each to <c>value · gain + offset</c>.
    /// </summary>
    public static void Decode(GdfSampleType type, ReadOnlySpan<byte> bytes, Span<double> target, double gain, double offset)
    {
        switch (type)
        {
            case GdfSampleType.Int8: Convert<sbyte>(bytes, target); break;
            case GdfSampleType.UInt8: Convert<byte>(bytes, target); break;
            case GdfSampleType.Int16: Convert<short>(bytes, target); break;
            case GdfSampleType.UInt16: Convert<ushort>(bytes, target); break;
            case GdfSampleType.Int32: Convert<int>(bytes, target); break;
            case GdfSampleType.UInt32: Convert<uint>(bytes, target); break;
            case GdfSampleType.Int64: Convert<long>(bytes, target); break;
            case GdfSampleType.UInt64: Convert<ulong>(bytes, target); break;
            case GdfSampleType.Float32: Convert<float>(bytes, target); break;
            case GdfSampleType.Float64: MemoryMarshal.Cast<byte, double>(bytes).CopyTo(target); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "not a GDF sample type");
        }
        TensorPrimitives.Multiply(target, gain, target);
        TensorPrimitives.Add(target, offset, target);
    }

    private static void Convert<T>(ReadOnlySpan<byte> bytes, Span<double> target) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.ConvertTruncating<T, double>(MemoryMarshal.Cast<byte, T>(bytes), target);
}
