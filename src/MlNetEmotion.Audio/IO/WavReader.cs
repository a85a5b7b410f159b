using System.Buffers.Binary;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Audio.IO;

/// <summary>Reads WAV files: RIFF and RF64/BW64 containers; PCM 8 (unsigned), 16, 24 and 32-bit, IEEE float 32 and
/// 64-bit, plain or WAVE_FORMAT_EXTENSIBLE; any channel count.</summary>
/// <remarks>Samples are decoded to 32-bit floats exactly as <c>ffmpeg -f f32le</c> decodes them (integers divided by
/// 2^(bits−1), unsigned 8-bit offset by 128). The reader is strict: header sizes that point beyond the end of the
/// file, a <c>data</c> chunk that is not a whole number of frames, zero-length audio and non-finite float samples
/// are errors (<see cref="AudioFormatException"/> naming the file and field); a size of 0xFFFFFFFF written by
/// streaming encoders means "to the end of the file". Other encodings raise <see cref="UnsupportedAudioFormatException"/>.</remarks>
public static class WavReader
{
    /// <summary>Format tag of integer PCM.</summary>
    public const int FormatPcm = 1;

    /// <summary>Format tag of IEEE float.</summary>
    public const int FormatIeeeFloat = 3;

    /// <summary>Format tag of WAVE_FORMAT_EXTENSIBLE (the real tag is in the sub-format GUID).</summary>
    public const int FormatExtensible = 0xFFFE;

    private const uint Unknown32 = 0xFFFFFFFF;

    /// <summary>Reads and validates the header of a WAV file.</summary>
    /// <param name="path">WAV file.</param>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="AudioFormatException">The header is malformed or lies about the file's size.</exception>
    public static WavHeader ReadHeader(string path, ReadLimits? limits = null)
    {
        using var stream = Open(path, limits);
        return ReadHeader(stream, path);
    }

    /// <summary>Reads and validates a WAV header from a seekable stream positioned at its start.</summary>
    /// <param name="stream">Seekable stream.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <exception cref="AudioFormatException">The header is malformed or lies about the stream's size.</exception>
    public static WavHeader ReadHeader(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long length = stream.Length;
        Span<byte> head = stackalloc byte[12];
        if (ReadFully(stream, head) < 12)
            throw new AudioFormatException(name, "RIFF header", $"truncated: the file has {length} bytes, a WAV header needs at least 12.");
        string riff = Ascii(head[..4]);
        bool rf64 = riff is "RF64" or "BW64";
        if (riff != "RIFF" && !rf64)
            throw new AudioFormatException(name, "RIFF header", $"expected 'RIFF' or 'RF64' but found '{riff}'.");
        if (Ascii(head[8..12]) != "WAVE")
            throw new AudioFormatException(name, "RIFF form type", $"expected 'WAVE' but found '{Ascii(head[8..12])}'.");
        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        if (!rf64 && riffSize != Unknown32 && riffSize + 8L > length)
            throw new AudioFormatException(name, "RIFF size", $"the header claims {riffSize + 8L} bytes but the file has {length}.");

        long ds64Data = -1;
        (AudioSampleFormat Format, int Channels, int Rate, int Tag)? fmt = null;
        long pos = 12;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            stream.Position = pos;
            if (ReadFully(stream, chunk) < 8)
                throw new AudioFormatException(name, "data chunk", fmt is null ? "missing: no 'fmt ' or 'data' chunk before the end of the file." : "missing: no 'data' chunk before the end of the file.");
            string id = Ascii(chunk[..4]);
            uint size32 = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            long body = pos + 8, remaining = length - body;
            if (id == "data")
            {
                if (fmt is not { } f)
                    throw new AudioFormatException(name, "fmt chunk", "missing: the 'data' chunk comes before any 'fmt ' chunk.");
                long size = rf64 && size32 == Unknown32 ? ds64Data : size32 == Unknown32 ? remaining : size32;
                if (size < 0)
                    throw new AudioFormatException(name, "ds64 chunk", "missing: an RF64 'data' chunk of size 0xFFFFFFFF needs a 'ds64' chunk with the real size.");
                if (size > remaining)
                    throw new AudioFormatException(name, "data chunk size", $"claims {size} bytes at offset {body} but only {remaining} bytes remain (truncated file or lying header).");
                var header = new WavHeader(f.Format, f.Channels, f.Rate, f.Tag, rf64, body, size);
                if (size % header.BlockAlign != 0)
                    throw new AudioFormatException(name, "data chunk size", $"{size} bytes is not a whole number of {header.BlockAlign}-byte frames.");
                if (size == 0)
                    throw new AudioFormatException(name, "data chunk", "zero-length audio: the chunk holds no samples.");
                return header;
            }
            if (size32 > remaining)
                throw new AudioFormatException(name, $"{id.Trim()} chunk size", $"claims {size32} bytes at offset {body} but only {remaining} bytes remain.");
            var content = new byte[Math.Min(size32, 64)];
            ReadFully(stream, content);
            if (id == "ds64")
            {
                if (size32 < 24) throw new AudioFormatException(name, "ds64 chunk size", $"{size32} bytes is shorter than the 24 the chunk needs.");
                ds64Data = BinaryPrimitives.ReadInt64LittleEndian(content.AsSpan(8));
            }
            else if (id == "fmt ")
            {
                fmt = ParseFormat(content, size32, name);
            }
            pos = body + size32 + (size32 & 1); // chunks are padded to an even size
        }
    }

    /// <summary>Reads a whole WAV file.</summary>
    /// <param name="path">WAV file.</param>
    /// <returns>Interleaved float samples with the file's rate and channel count.</returns>
    /// <exception cref="AudioFormatException">The file is malformed, truncated, empty or holds non-finite samples.</exception>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="AudioFormatException">The file is malformed, truncated, empty, holds non-finite samples or exceeds a limit.</exception>
    /// <exception cref="UnsupportedAudioFormatException">The encoding is not one this reader decodes.</exception>
    public static AudioBuffer Read(string path, ReadLimits? limits = null)
    {
        using var stream = Open(path, limits);
        return Read(stream, path, limits);
    }

    private static FileStream Open(string path, ReadLimits? limits) =>
        InputFile.OpenRead(path, limits, detail => new AudioFormatException(path, "file", detail));

    /// <summary>Reads a whole WAV file from a seekable stream positioned at its start.</summary>
    /// <param name="stream">Seekable stream.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <returns>Interleaved float samples with the file's rate and channel count.</returns>
    /// <param name="limits">Resource limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <exception cref="AudioFormatException">The content is malformed, truncated, empty, holds non-finite samples or exceeds a limit.</exception>
    public static AudioBuffer Read(Stream stream, string name, ReadLimits? limits = null)
    {
        var header = ReadHeader(stream, name);
        ReadLimits.Check(header.DataLength / header.SampleFormat.BytesPerSample(), Math.Min((limits ?? ReadLimits.Default).MaxElements, Array.MaxLength),
            "the sample count of the data chunk", nameof(ReadLimits.MaxElements), detail => new AudioFormatException(name, "data chunk size", detail));
        var samples = new float[header.DataLength / header.SampleFormat.BytesPerSample()];
        int bytesPerSample = header.SampleFormat.BytesPerSample();
        var block = new byte[(1 << 20) / header.BlockAlign * header.BlockAlign];
        stream.Position = header.DataOffset;
        long done = 0;
        while (done < samples.Length)
        {
            int want = (int)Math.Min(block.Length, (samples.Length - done) * bytesPerSample);
            if (ReadFully(stream, block.AsSpan(0, want)) < want)
                throw new AudioFormatException(name, "data chunk", $"the file ended after {done} of {samples.Length} samples.");
            header.SampleFormat.Decode(block.AsSpan(0, want), samples.AsSpan((int)done, want / bytesPerSample));
            done += want / bytesPerSample;
        }
        if (header.SampleFormat is AudioSampleFormat.Float32 or AudioSampleFormat.Float64)
            CheckFinite(samples, header.Channels, name);
        return new AudioBuffer(samples, header.SampleRate, header.Channels);
    }

    /// <summary>Throws when a sample is NaN or infinite, naming its frame and channel.</summary>
    /// <param name="samples">Interleaved samples.</param>
    /// <param name="channels">Channel count.</param>
    /// <param name="name">File name for the message.</param>
    /// <exception cref="AudioFormatException">A sample is not finite.</exception>
    internal static void CheckFinite(ReadOnlySpan<float> samples, int channels, string name)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
                throw new AudioFormatException(name, $"sample {i / channels} (channel {i % channels})", $"{samples[i]} is not a finite number.");
        }
    }

    private static (AudioSampleFormat, int, int, int) ParseFormat(ReadOnlySpan<byte> c, uint size, string name)
    {
        if (size < 16)
            throw new AudioFormatException(name, "fmt chunk size", $"{size} bytes is shorter than the 16 a WAVEFORMAT needs.");
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(c);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(c[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(c[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(c[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(c[14..]);
        if (channels == 0) throw new AudioFormatException(name, "fmt chunk: channels", "0 channels; expected at least 1.");
        if (rate == 0 || rate > int.MaxValue) throw new AudioFormatException(name, "fmt chunk: sample rate", $"{rate} Hz; expected a positive rate.");
        int effectiveTag = tag;
        if (tag == FormatExtensible)
        {
            if (size < 40)
                throw new AudioFormatException(name, "fmt chunk size", $"{size} bytes is shorter than the 40 a WAVE_FORMAT_EXTENSIBLE header needs.");
            effectiveTag = BinaryPrimitives.ReadUInt16LittleEndian(c[24..]); // first field of the sub-format GUID
        }
        AudioSampleFormat format = (effectiveTag, bits) switch
        {
            (FormatPcm, 8) => AudioSampleFormat.UInt8,
            (FormatPcm, 16) => AudioSampleFormat.Int16,
            (FormatPcm, 24) => AudioSampleFormat.Int24,
            (FormatPcm, 32) => AudioSampleFormat.Int32,
            (FormatIeeeFloat, 32) => AudioSampleFormat.Float32,
            (FormatIeeeFloat, 64) => AudioSampleFormat.Float64,
            (FormatPcm or FormatIeeeFloat, _) => throw new UnsupportedAudioFormatException(name, "fmt chunk: bits per sample",
                $"{bits}-bit {(effectiveTag == FormatPcm ? "PCM" : "float")} is not supported; expected PCM 8/16/24/32 or float 32/64."),
            _ => throw new UnsupportedAudioFormatException(name, tag == FormatExtensible ? "fmt chunk: sub-format" : "fmt chunk: format tag",
                $"0x{effectiveTag:X4} is not supported; expected 0x0001 (PCM) or 0x0003 (IEEE float)."),
        };
        if (blockAlign != channels * format.BytesPerSample())
            throw new AudioFormatException(name, "fmt chunk: block align", $"{blockAlign} bytes; expected {channels} channels x {format.BytesPerSample()} bytes = {channels * format.BytesPerSample()}.");
        return (format, channels, (int)rate, tag);
    }

    private static string Ascii(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = bytes[i] is >= 32 and < 127 ? (char)bytes[i] : '?';
        return new string(chars);
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
