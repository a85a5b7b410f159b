using System.Diagnostics;

namespace MlNetEmotion.Vision.Tests;

/// <summary>Paths of committed test data and a direct ffmpeg call used as the decoding reference.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "data", "vision", .. parts]);

    public static string TempDir()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlne-vision-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs ffmpeg with <paramref name="args"/> and returns standard output (the reference decoder).</summary>
    public static byte[] Ffmpeg(params string[] args) => Run("ffmpeg", ["-nostdin", "-v", "error", .. args]);

    /// <summary>Runs <paramref name="program"/> (ffmpeg or ffprobe) with <paramref name="args"/> and returns standard output.</summary>
    public static byte[] Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException(program + " failed: " + err.Result);
        return ms.ToArray();
    }

    /// <summary>ffmpeg's decode of <paramref name="file"/> as raw <paramref name="pixelFormat"/>.</summary>
    public static byte[] FfmpegRaw(string file, string pixelFormat) =>
        Ffmpeg("-i", file, "-f", "rawvideo", "-pix_fmt", pixelFormat, "-");

    /// <summary>Live or zombie ffmpeg children of this test process (from /proc).</summary>
    public static List<int> FfmpegChildren()
    {
        var result = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), out int pid)) continue;
            string stat;
            try { stat = File.ReadAllText(System.IO.Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            int close = stat.LastIndexOf(')');
            string comm = stat[(stat.IndexOf('(') + 1)..close];
            var rest = stat[(close + 2)..].Split(' ');
            if (comm.StartsWith("ff", StringComparison.Ordinal) && int.Parse(rest[1]) == Environment.ProcessId) result.Add(pid);
        }
        return result;
    }
}
