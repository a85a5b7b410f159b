namespace MlNetEmotion.Audio.IO;

/// <summary>Little-endian sample encodings of WAV data and raw PCM.</summary>
public enum AudioSampleFormat
{
    /// <summary>Unsigned 8-bit PCM, offset 128; decoded as <c>(b − 128) / 128</c>.</summary>
    UInt8,

    /// <summary>Signed 16-bit PCM; decoded as <c>s / 32768</c>.</summary>
    Int16,

    /// <summary>Signed 24-bit PCM packed in 3 bytes; decoded as <c>s / 2^23</c>.</summary>
    Int24,

    /// <summary>Signed 32-bit PCM; decoded as <c>s / 2^31</c>.</summary>
    Int32,

    /// <summary>IEEE 754 32-bit float.</summary>
    Float32,

    /// <summary>IEEE 754 64-bit float, rounded to 32-bit on decode.</summary>
    Float64,
}

/// <summary>Sizes, names and decoding of <see cref="AudioSampleFormat"/> values.</summary>
public static class AudioSampleFormats
{
    /// <summary>Bytes per sample.</summary>
    /// <param name="format">The encoding.</param>
    public static int BytesPerSample(this AudioSampleFormat format) => format switch
    {
        AudioSampleFormat.UInt8 => 1,
        AudioSampleFormat.Int16 => 2,
        AudioSampleFormat.Int24 => 3,
        AudioSampleFormat.Int32 or AudioSampleFormat.Float32 => 4,
        AudioSampleFormat.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown sample format."),
    };

    /// <summary>ffmpeg's codec name for the encoding, e.g. <c>pcm_s16le</c>.</summary>
    /// <param name="format">The encoding.</param>
    public static string CodecName(this AudioSampleFormat format) => format switch
    {
        AudioSampleFormat.UInt8 => "pcm_u8",
        AudioSampleFormat.Int16 => "pcm_s16le",
        AudioSampleFormat.Int24 => "pcm_s24le",
        AudioSampleFormat.Int32 => "pcm_s32le",
        AudioSampleFormat.Float32 => "pcm_f32le",
        AudioSampleFormat.Float64 => "pcm_f64le",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown sample format."),
    };

    /// <summary>Decodes whole little-endian samples from <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="format">The encoding.</param>
    /// <param name="source">Encoded bytes, <c>destination.Length · BytesPerSample</c> long.</param>
    /// <param name="destination">Receives the samples as floats.</param>
    public static void Decode(this AudioSampleFormat format, ReadOnlySpan<byte> source, Span<float> destination)
    {
        int n = destination.Length;
        switch (format)
        {
            case AudioSampleFormat.UInt8:
                for (int i = 0; i < n; i++) destination[i] = (source[i] - 128) * (1f / 128);
                break;
            case AudioSampleFormat.Int16:
                var s16 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(source[..(2 * n)]);
                for (int i = 0; i < n; i++) destination[i] = s16[i] * (1f / 32768);
                break;
            case AudioSampleFormat.Int24:
                for (int i = 0; i < n; i++)
                {
                    int v = source[3 * i] | (source[3 * i + 1] << 8) | ((sbyte)source[3 * i + 2] << 16);
                    destination[i] = v * (1f / 8388608);
                }
                break;
            case AudioSampleFormat.Int32:
                var s32 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(source[..(4 * n)]);
                for (int i = 0; i < n; i++) destination[i] = s32[i] * (1f / 2147483648f);
                break;
            case AudioSampleFormat.Float32:
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(source[..(4 * n)]).CopyTo(destination);
                break;
            case AudioSampleFormat.Float64:
                var f64 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(source[..(8 * n)]);
                for (int i = 0; i < n; i++) destination[i] = (float)f64[i];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown sample format.");
        }
    }
}
