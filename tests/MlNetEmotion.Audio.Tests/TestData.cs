using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Audio.Tests;

/// <summary>Paths to tests/data/audio, numpy fixtures, and ffmpeg helpers for making and decoding test files.</summary>
internal static class TestData
{
    // Builds may use a private --artifacts-path, so the data is found from this source file's location.
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "data", "audio"));

    public static string Speech => Path.Combine(Folder, "speech_16k.wav");

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static (float[] Data, int[] Shape) Npy(string name)
    {
        var array = Core.IO.Npy.Read(Path.Combine(Folder, name));
        return (array.ToDoubleArray().Select(v => (float)v).ToArray(), array.Shape.ToArray());
    }

    /// <summary>A fresh temporary directory for one test.</summary>
    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mlnet-audio-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs ffmpeg with the given arguments and fails the test when it fails.</summary>
    public static void Ffmpeg(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-y" }.Concat(arguments)) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "ffmpeg " + string.Join(' ', arguments) + ": " + err.Result);
    }

    /// <summary>ffmpeg's own decode of <paramref name="path"/> to interleaved float32 (the reference for readers).</summary>
    public static float[] FfmpegDecode(string path)
    {
        string raw = path + ".ref.f32";
        Ffmpeg("-i", path, "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le", raw);
        return MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(raw)).ToArray();
    }

    /// <summary>Largest absolute difference divided by the largest absolute reference value.</summary>
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double err = 0, scale = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            err = Math.Max(err, Math.Abs((double)actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs((double)expected[i]));
        }
        return err / scale;
    }
}
