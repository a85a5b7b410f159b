using System.Diagnostics;
using MlNetEmotion.Fuzz.Tests.Harness;

namespace MlNetEmotion.Fuzz.Tests;

/// <summary>Inputs that are not regular files (Linux: <c>/dev/zero</c>, a FIFO from <c>mkfifo</c>, a folder): every reader
/// refuses them with its typed error within 10 s and 64 MiB instead of blocking or reading forever.</summary>
public sealed class HostileInputTests
{
    private static readonly FuzzBounds Bounds = new(TimeSpan.FromSeconds(10), 64L << 20);

    public static TheoryData<string> Formats => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Endless_device_is_refused_not_read(string format)
    {
        AssertRefused(format, "/dev/zero");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Fifo_without_a_writer_is_refused_not_opened(string format)
    {
        using var folder = new TempFolder();
        string fifo = folder.File(FuzzTargets.Get(format).FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        Assert.True(MakeFifo(fifo), "mkfifo failed");
        AssertRefused(format, fifo);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Directory_is_refused(string format)
    {
        using var folder = new TempFolder();
        string directory = folder.File(FuzzTargets.Get(format).FileName);
        Directory.CreateDirectory(directory);
        AssertRefused(format, directory);
    }

    private static void AssertRefused(string format, string path)
    {
        var (outcome, detail) = FuzzRunner.ReadPath(FuzzTargets.Get(format), path, Bounds);
        Assert.True(outcome == Outcome.TypedError, $"{format} on {path}: {outcome}: {detail}");
    }

    private static bool MakeFifo(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
