using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MlNetEmotion.Audio.IO;

/// <summary>Decodes any container and codec <c>ffmpeg</c> understands (MP3, Ogg, FLAC, AAC, the audio track of
/// MP4/AVI/MKV video, ...) by running <c>ffmpeg</c> as a child process that streams a WAV of 32-bit float
/// little-endian PCM on its standard output (the header carries rate and channels, so no separate probe is run).</summary>
/// <remarks>The first audio stream is decoded (<c>-map 0:a:0</c>). Dispose the stream to end the child early: a
/// running <c>ffmpeg</c> is killed and always waited for, so no zombie process remains after disposal, an error or
/// a cancellation.</remarks>
public sealed class FfmpegAudioStream : IDisposable
{
    private readonly Process process;
    private readonly Stream stdout;
    private readonly StringBuilder stderr = new();
    private readonly string file;
    private readonly byte[] carry = new byte[4];
    private int carryCount;
    private bool finished, disposed;

    private FfmpegAudioStream(Process process, string file)
    {
        this.process = process;
        this.file = file;
        stdout = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Sample rate of the decoded stream.</summary>
    public int SampleRate { get; private set; }

    /// <summary>Channels of the decoded stream (interleaved).</summary>
    public int Channels { get; private set; }

    /// <summary>Process id of the running <c>ffmpeg</c> (for diagnostics and tests).</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts decoding the first audio stream of <paramref name="path"/> and reads the stream's WAV header.</summary>
    /// <param name="path">Audio or video file.</param>
    /// <param name="sampleRate">Resample to this rate in ffmpeg; null keeps the file's rate.</param>
    /// <param name="channels">Mix to this channel count in ffmpeg; null keeps the file's channels.</param>
    /// <param name="tools">Executable locations; null means <see cref="FfmpegTools.Default"/>.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="AudioFormatException">The file has no audio stream or ffprobe cannot read it.</exception>
    public static FfmpegAudioStream Open(string path, int? sampleRate = null, int? channels = null, FfmpegTools? tools = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Audio file '{path}' does not exist.", path);
        tools ??= FfmpegTools.Default;
        var args = new List<string>
        {
            "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-map", "0:a:0", "-vn", "-sn", "-dn",
            "-map_metadata", "-1", "-f", "wav", "-acodec", "pcm_f32le",
        };
        if (sampleRate is int rate) args.AddRange(["-ar", rate.ToString(CultureInfo.InvariantCulture)]);
        if (channels is int ch) args.AddRange(["-ac", ch.ToString(CultureInfo.InvariantCulture)]);
        args.Add("pipe:1");
        var stream = new FfmpegAudioStream(FfmpegTools.Start(tools.FfmpegPath, path, args), path);
        try
        {
            stream.ReadHeader();
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the streamed WAV header up to the start of the <c>data</c> chunk (sizes in it are unknown).</summary>
    private void ReadHeader()
    {
        Span<byte> head = stackalloc byte[12];
        ReadExactly(head, "RIFF header");
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            ReadExactly(chunk, "WAV chunk header");
            string id = System.Text.Encoding.ASCII.GetString(chunk[..4]);
            uint size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (id == "data") break;
            if (size > 1 << 20) throw new AudioFormatException(file, "ffmpeg output", $"unexpected WAV chunk '{id}' of {size} bytes.");
            var body = new byte[size + (size & 1)];
            ReadExactly(body, $"WAV '{id}' chunk");
            if (id == "fmt ")
            {
                Channels = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
                SampleRate = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(4));
            }
        }
        if (Channels <= 0 || SampleRate <= 0) throw new AudioFormatException(file, "ffmpeg output", "the WAV stream has no usable 'fmt ' chunk.");
    }

    private void ReadExactly(Span<byte> buffer, string what)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stdout.Read(buffer[total..]);
            if (n == 0)
            {
                Finish(); // throws with ffmpeg's message when it failed
                throw new AudioFormatException(file, "audio stream", $"ffmpeg ended before the {what}.");
            }
            total += n;
        }
    }

    /// <summary>Describes the first audio stream of <paramref name="path"/> with <c>ffprobe</c>.</summary>
    /// <param name="path">Audio or video file.</param>
    /// <param name="tools">Executable locations; null means <see cref="FfmpegTools.Default"/>.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FfmpegNotFoundException">ffprobe is not installed.</exception>
    /// <exception cref="AudioFormatException">The file has no audio stream or ffprobe cannot read it.</exception>
    public static AudioInfo Probe(string path, FfmpegTools? tools = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Audio file '{path}' does not exist.", path);
        tools ??= FfmpegTools.Default;
        using var process = FfmpegTools.Start(tools.FfprobePath, path,
        [
            "-v", "error", "-select_streams", "a:0", "-show_entries",
            "stream=codec_name,sample_rate,channels,duration:format=duration,format_name", "-of", "json", path,
        ]);
        var error = process.StandardError.ReadToEndAsync();
        string json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new AudioFormatException(path, "container", $"ffprobe could not read the file: {error.Result.Trim()}");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            throw new AudioFormatException(path, "audio stream", "the file has no audio stream.");
        var s = streams[0];
        var format = root.GetProperty("format");
        double duration = Number(s, "duration") ?? Number(format, "duration") ?? double.NaN;
        int rate = (int)(Number(s, "sample_rate") ?? 0);
        int channels = s.TryGetProperty("channels", out var c) ? c.GetInt32() : 0;
        if (rate <= 0) throw new AudioFormatException(path, "sample rate", "ffprobe reports no sample rate for the audio stream.");
        if (channels <= 0) throw new AudioFormatException(path, "channels", "ffprobe reports no channels for the audio stream.");
        return new AudioInfo(rate, channels, duration, s.TryGetProperty("codec_name", out var codec) ? codec.GetString() ?? "" : "",
            format.TryGetProperty("format_name", out var f) ? f.GetString() ?? "" : "");
    }

    /// <summary>Reads decoded samples (interleaved) into <paramref name="destination"/>.</summary>
    /// <param name="destination">Buffer to fill.</param>
    /// <returns>Samples written; 0 once the stream has ended.</returns>
    /// <exception cref="AudioFormatException">ffmpeg failed to decode the file (its message is included).</exception>
    public int Read(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (finished || destination.IsEmpty) return 0;
        var bytes = MemoryMarshal.AsBytes(destination);
        carry.AsSpan(0, carryCount).CopyTo(bytes);
        int total = carryCount;
        carryCount = 0;
        while (total < 4)
        {
            int n = stdout.Read(bytes[total..]);
            if (n == 0)
            {
                Finish();
                return 0;
            }
            total += n;
        }
        int whole = total / 4;
        carryCount = total - whole * 4;
        bytes.Slice(whole * 4, carryCount).CopyTo(carry);
        return whole;
    }

    /// <summary>Decodes everything that remains.</summary>
    /// <param name="cancellationToken">Cancels the decode; ffmpeg is killed and reaped.</param>
    /// <returns>The decoded audio.</returns>
    /// <exception cref="AudioFormatException">ffmpeg failed or produced no samples.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AudioBuffer ReadToEnd(CancellationToken cancellationToken = default)
    {
        using var registration = cancellationToken.Register(Kill);
        var buffer = new float[1 << 16];
        int count = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (buffer.Length - count < 4096) Array.Resize(ref buffer, checked(buffer.Length * 2));
            int n;
            try
            {
                n = Read(buffer.AsSpan(count));
            }
            catch (AudioFormatException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            if (n == 0) break;
            count += n;
        }
        count -= count % Channels;
        if (count == 0) throw new AudioFormatException(file, "audio stream", "zero-length audio: ffmpeg decoded no samples.");
        Array.Resize(ref buffer, count);
        WavReader.CheckFinite(buffer, Channels, file);
        return new AudioBuffer(buffer, SampleRate, Channels);
    }

    /// <summary>Kills ffmpeg if it is still running and waits for it, then releases the process.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        Kill();
        process.WaitForExit();
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited between the check and the kill
        }
    }

    private void Finish()
    {
        finished = true;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string message;
            lock (stderr) message = stderr.ToString().Trim();
            throw new AudioFormatException(file, "audio stream", $"ffmpeg failed with exit code {process.ExitCode}: {message}");
        }
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String &&
        double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;
}
