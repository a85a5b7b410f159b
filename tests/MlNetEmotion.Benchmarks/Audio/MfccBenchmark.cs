using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MlNetEmotion.Audio.Features;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Benchmarks.Harness;

namespace MlNetEmotion.Benchmarks.Audio;

/// <summary>MFCC of 60 s of 16 kHz speech (40 coefficients, n_fft 512, hop 160, 40 mels) against torchaudio 0.13, and
/// ffmpeg decode + MFCC of the same speech as the AAC audio track of an MP4 video.</summary>
public sealed class MfccBenchmark : BenchmarkCase
{
    private const string LibriVox = "/usr/share/pocketsphinx/test/data/librivox";

    /// <inheritdoc />
    public override string Name => "audio.mfcc";

    /// <inheritdoc />
    public override string Description => "MFCC of 60 s of 16 kHz speech; ffmpeg decode + MFCC of a 60 s video's audio track.";

    /// <inheritdoc />
    public override IEnumerable<BenchmarkResult> Run(int threads)
    {
        float[] speech = SixtySecondsOfSpeech();
        string dir = Path.Combine(Path.GetTempPath(), "mlnet-bench-audio-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        try
        {
            string raw = Path.Combine(dir, "speech.f32"), wav = Path.Combine(dir, "speech.wav"), video = Path.Combine(dir, "clip.mp4");
            File.WriteAllBytes(raw, MemoryMarshal.AsBytes(speech.AsSpan()).ToArray());
            WavWriter.Write(wav, new AudioBuffer(speech, 16000), AudioSampleFormat.Float32);
            MakeVideo(wav, video);

            var options = new MfccOptions { FftLength = 512, HopLength = 160, MelCount = 40, CoefficientCount = 40, Threads = threads };
            var extractor = new MfccExtractor(options);
            // Enough warm-up runs for tiered JIT to reach optimised code (two are not, on one thread).
            double ours = Timing.MedianMs(() => extractor.Compute(speech), warmup: 30);
            var (oursCpu, oursCpuMin) = CpuTimesMs(() => extractor.Compute(speech));
            double videoOurs = Timing.MedianMs(() =>
                extractor.Compute(AudioFile.Read(video, new AudioReadOptions { Mono = true }).Samples), warmup: 1, iterations: 5);

            var reference = PythonReference.Run("audio_mfcc.py", threads, raw, video);
            string cpu = reference.TryGetValue("mfcc60s_cpu", out double refCpu) && reference.TryGetValue("mfcc60s_cpu_min", out double refCpuMin)
                ? string.Create(CultureInfo.InvariantCulture,
                    $"; CPU time median/min ref {refCpu:F1}/{refCpuMin:F1} ms, ours {oursCpu:F1}/{oursCpuMin:F1} ms, ratio {refCpu / oursCpu:F2}/{refCpuMin / oursCpuMin:F2}")
                : string.Create(CultureInfo.InvariantCulture, $"; CPU time median/min ours {oursCpu:F1}/{oursCpuMin:F1} ms");
            yield return new BenchmarkResult("audio.mfcc 60 s 16 kHz", threads, reference.GetValueOrDefault("mfcc60s", double.NaN) is var r && !double.IsNaN(r) ? r : null,
                ours, string.Create(CultureInfo.InvariantCulture, $"{60000 / ours:F0}x real time{cpu}"));
            yield return new BenchmarkResult("audio.mfcc ffmpeg mp4 (aac) 60 s", threads, reference.GetValueOrDefault("video60s", double.NaN) is var v && !double.IsNaN(v) ? v : null,
                videoOurs, string.Create(CultureInfo.InvariantCulture, $"{60000 / videoOurs:F0}x real time, decode included"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>Median and minimum process CPU time (all threads) of <paramref name="action"/> over 15 runs after 2
    /// warm-ups; robust to other load on a shared machine.</summary>
    private static (double Median, double Min) CpuTimesMs(Action action)
    {
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < 2; i++) action();
        var times = new double[15];
        for (int i = 0; i < times.Length; i++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            action();
            process.Refresh();
            times[i] = (process.TotalProcessorTime - start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[times.Length / 2], times[0]);
    }

    /// <summary>The LibriVox recordings concatenated and repeated to 60 s (960 000 samples).</summary>
    private static float[] SixtySecondsOfSpeech()
    {
        var parts = Directory.Exists(LibriVox)
            ? Directory.GetFiles(LibriVox, "*.wav").Order(StringComparer.Ordinal).Select(p => WavReader.Read(p).ToMono()).ToList()
            : throw new DirectoryNotFoundException($"{LibriVox} not found: install the Debian package pocketsphinx-testdata.");
        var all = parts.SelectMany(p => p).ToArray();
        var result = new float[960_000];
        for (int i = 0; i < result.Length; i++) result[i] = all[i % all.Length];
        return result;
    }

    private static void MakeVideo(string wav, string video)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=320x240:r=30:d=60",
                     "-i", wav, "-c:v", "mpeg4", "-c:a", "aac", "-b:a", "128k", "-shortest", video })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("ffmpeg could not make the benchmark video: " + error);
    }
}
