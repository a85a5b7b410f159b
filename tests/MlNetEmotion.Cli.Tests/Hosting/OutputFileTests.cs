using System.Diagnostics;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Cli.Tests.Hosting;

/// <summary>Outputs are all or nothing, even when the writing process is killed with SIGKILL, and only regular files
/// are written.</summary>
public class OutputFileTests
{
    private static readonly string Edf = Path.Combine(CliHarness.DataFolder("eeg"), "S001R01.edf");

    /// <summary>480 frames x 3 bands of 96 x 96 float32 maps: a 54 MB output that takes long enough to write to be killed
    /// in the middle.</summary>
    private static string[] Topomap(string output, int size) =>
        ["eeg", "topomap", Edf, "--out", output, "--size", size.ToString(System.Globalization.CultureInfo.InvariantCulture), "--method", "nearest"];

    /// <summary>Six runs of <c>eeg topomap</c> are killed (SIGKILL): three as soon as their temporary file appears, three
    /// at fixed moments from 0.3 to 1.3 s. After each, the output is byte for byte the previous one or a complete new
    /// one; the next complete run deletes the temporary files the killed runs left.</summary>
    [Fact]
    public void Killed_writer_leaves_the_previous_output_or_a_complete_new_one()
    {
        using var folder = new CliHarness.TempFolder();
        string output = folder.File("maps.npy");
        Assert.Equal(0, CliHarness.Run(Topomap(output, 32)).Code);
        byte[] previous = File.ReadAllBytes(output);
        long complete = 128 + 480L * 3 * 96 * 96 * 4;
        int killedWhileWriting = 0;
        for (int run = 0; run < 6; run++)
        {
            using var process = CliHarness.Start(Topomap(output, 96));
            var clock = Stopwatch.StartNew();
            if (run < 3)
            {
                while (!process.HasExited && !Directory.EnumerateFiles(folder.Path, ".maps.npy.*.tmp").Any() && clock.ElapsedMilliseconds < 30_000) Thread.Sleep(2);
                killedWhileWriting += process.HasExited ? 0 : 1;
            }
            else
            {
                while (!process.HasExited && clock.ElapsedMilliseconds < 300 + 500 * (run - 3)) Thread.Sleep(5);
            }
            if (!process.HasExited) process.Kill();
            process.WaitForExit();
            byte[] now = File.ReadAllBytes(output);
            if (!now.AsSpan().SequenceEqual(previous))
            {
                Assert.Equal(complete, now.Length);
                Assert.Equal([480, 3, 96, 96], Npy.Read(output).Shape);
                previous = now;
            }
        }
        Assert.True(killedWhileWriting > 0, "no run was killed while its temporary file existed");
        Assert.NotEmpty(Directory.EnumerateFiles(folder.Path, ".maps.npy.*.tmp"));     // left by the killed runs
        var (code, _, error) = CliHarness.Run(Topomap(output, 32));
        Assert.True(code == 0, error);
        Assert.Equal(["maps.npy"], Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    /// <summary>Refused before the input is even read (the input here does not exist).</summary>
    [Theory]
    [InlineData("eeg", "topomap")]
    [InlineData("eeg", "bandpower")]
    [InlineData("audio", "mfcc")]
    public void Device_output_is_refused_with_exit_code_1(string group, string command)
    {
        CliHarness.AssertOneLineError(CliHarness.Run(group, command, "/nonexistent/input", "--out", "/dev/null"), 1, "'/dev/null' is a character device");
        Assert.Empty(Directory.EnumerateFiles("/dev", ".null.*"));
    }

    [Fact]
    public void Symbolic_link_output_is_refused_and_its_target_kept()
    {
        using var folder = new CliHarness.TempFolder();
        File.WriteAllText(folder.File("target.npy"), "kept");
        File.CreateSymbolicLink(folder.File("link.npy"), folder.File("target.npy"));
        CliHarness.AssertOneLineError(CliHarness.Run(Topomap(folder.File("link.npy"), 8)), 1, "is a symbolic link");
        Assert.Equal("kept", File.ReadAllText(folder.File("target.npy")));
        Assert.NotNull(new FileInfo(folder.File("link.npy")).LinkTarget);
    }

    [Fact]
    public void Directory_output_is_refused()
    {
        using var folder = new CliHarness.TempFolder();
        Directory.CreateDirectory(folder.File("maps.npy"));
        CliHarness.AssertOneLineError(CliHarness.Run(Topomap(folder.File("maps.npy"), 8)), 1, "is a directory");
    }
}
