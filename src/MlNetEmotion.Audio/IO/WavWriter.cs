using System.Buffers.Binary;

namespace MlNetEmotion.Audio.IO;

/// <summary>Writes WAV files in any <see cref="AudioSampleFormat"/>.</summary>
/// <remarks>Integer formats round to nearest and clip to the format's range (<c>x · 2^(bits−1)</c>). The header is
/// WAVE_FORMAT_EXTENSIBLE when there are more than two channels or integer samples wider than 16 bits (as the
/// format's specification asks), plain otherwise. Files whose data would exceed 4 GiB, or when
/// <c>rf64</c> is set, are written as RF64 with a <c>ds64</c> chunk. The file is written under a temporary name and
/// moved into place, so a failure never leaves a half-written file.</remarks>
public static class WavWriter
{
    /// <summary>Writes <paramref name="audio"/> to <paramref name="path"/>.</summary>
    /// <param name="path">Destination; replaced if it exists.</param>
    /// <param name="audio">Samples to write.</param>
    /// <param name="format">Sample encoding; default 16-bit PCM.</param>
    /// <param name="rf64">Force an RF64 header even for small files.</param>
    public static void Write(string path, AudioBuffer audio, AudioSampleFormat format = AudioSampleFormat.Int16, bool rf64 = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        Core.IO.AtomicFile.Write(path, stream => Write(stream, audio, format, rf64));
    }

    /// <summary>Writes <paramref name="audio"/> as a WAV file to <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination stream.</param>
    /// <param name="audio">Samples to write.</param>
    /// <param name="format">Sample encoding.</param>
    /// <param name="rf64">Force an RF64 header.</param>
    public static void Write(Stream stream, AudioBuffer audio, AudioSampleFormat format = AudioSampleFormat.Int16, bool rf64 = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(audio);
        int bytes = format.BytesPerSample();
        long dataLength = (long)audio.Samples.Length * bytes;
        bool isFloat = format is AudioSampleFormat.Float32 or AudioSampleFormat.Float64;
        bool extensible = audio.Channels > 2 || (!isFloat && bytes > 2);
        rf64 |= dataLength > uint.MaxValue - 200;
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        long riffSize = 4 + (rf64 ? 8 + 28 : 0) + 8 + fmtSize + 8 + dataLength + (dataLength & 1);

        using var w = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        w.Write(rf64 ? "RF64"u8 : "RIFF"u8);
        w.Write(rf64 ? uint.MaxValue : (uint)riffSize);
        w.Write("WAVE"u8);
        if (rf64)
        {
            w.Write("ds64"u8);
            w.Write(28u);
            w.Write(riffSize);
            w.Write(dataLength);
            w.Write((long)audio.FrameCount);
            w.Write(0u); // no table entries
        }
        w.Write("fmt "u8);
        w.Write((uint)fmtSize);
        int tag = isFloat ? WavReader.FormatIeeeFloat : WavReader.FormatPcm;
        w.Write((ushort)(extensible ? WavReader.FormatExtensible : tag));
        w.Write((ushort)audio.Channels);
        w.Write((uint)audio.SampleRate);
        w.Write((uint)(audio.SampleRate * audio.Channels * bytes));
        w.Write((ushort)(audio.Channels * bytes));
        w.Write((ushort)(bytes * 8));
        if (fmtSize > 16)
        {
            w.Write((ushort)(fmtSize - 18));
            if (extensible)
            {
                w.Write((ushort)(bytes * 8));                          // valid bits per sample
                w.Write(audio.Channels <= 18 ? (uint)((1 << audio.Channels) - 1) : 0u); // speaker mask: first N positions
                w.Write((ushort)tag);                                  // sub-format GUID {0000000X-0000-0010-8000-00AA00389B71}
                w.Write((ushort)0);
                w.Write((ushort)0);
                w.Write((ushort)0x0010);
                w.Write(new byte[] { 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 });
            }
        }
        w.Write("data"u8);
        w.Write(rf64 ? uint.MaxValue : (uint)dataLength);
        var block = new byte[65536 * bytes];
        for (int start = 0; start < audio.Samples.Length; start += 65536)
        {
            int n = Math.Min(65536, audio.Samples.Length - start);
            Encode(format, audio.Samples.AsSpan(start, n), block);
            w.Write(block, 0, n * bytes);
        }
        if ((dataLength & 1) == 1) w.Write((byte)0);
    }

    private static void Encode(AudioSampleFormat format, ReadOnlySpan<float> samples, Span<byte> destination)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            double x = samples[i];
            switch (format)
            {
                case AudioSampleFormat.UInt8: destination[i] = (byte)(Quantise(x, 128) + 128); break;
                case AudioSampleFormat.Int16: BinaryPrimitives.WriteInt16LittleEndian(destination[(2 * i)..], (short)Quantise(x, 32768)); break;
                case AudioSampleFormat.Int24:
                    int v = (int)Quantise(x, 8388608);
                    destination[3 * i] = (byte)v; destination[3 * i + 1] = (byte)(v >> 8); destination[3 * i + 2] = (byte)(v >> 16);
                    break;
                case AudioSampleFormat.Int32: BinaryPrimitives.WriteInt32LittleEndian(destination[(4 * i)..], (int)Quantise(x, 2147483648.0)); break;
                case AudioSampleFormat.Float32: BinaryPrimitives.WriteSingleLittleEndian(destination[(4 * i)..], samples[i]); break;
                case AudioSampleFormat.Float64: BinaryPrimitives.WriteDoubleLittleEndian(destination[(8 * i)..], x); break;
                default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown sample format.");
            }
        }
    }

    private static long Quantise(double x, double scale) =>
        (long)Math.Clamp(Math.Round(x * scale, MidpointRounding.ToEven), -scale, scale - 1);
}
