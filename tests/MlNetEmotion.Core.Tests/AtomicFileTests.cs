using System.Diagnostics;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Core.Tests;

/// <summary>All-or-nothing outputs: only regular files are written, a failed write keeps the previous file, and
/// temporary files of dead processes are cleaned up by the next write.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mlnemo-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string In(string name) => Path.Combine(_folder, name);

    private static void WriteText(string path, string text) => AtomicFile.Write(path, s => s.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Character_device_is_refused_and_left_alone()
    {
        var e = Assert.Throws<OutputPathException>(() => WriteText("/dev/null", "x"));
        Assert.Equal("character device", e.Kind);
        Assert.Contains("'/dev/null' is a character device", e.Message);
        Assert.Empty(Directory.EnumerateFiles("/dev", ".null.*"));
    }

    [Fact]
    public void Fifo_directory_and_symbolic_link_are_refused()
    {
        string fifo = In("fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        Assert.Equal("FIFO", Assert.Throws<OutputPathException>(() => WriteText(fifo, "x")).Kind);
        Directory.CreateDirectory(In("dir"));
        Assert.Equal("directory", Assert.Throws<OutputPathException>(() => WriteText(In("dir"), "x")).Kind);
        WriteText(In("target.txt"), "kept");
        File.CreateSymbolicLink(In("link.txt"), In("target.txt"));
        Assert.Equal("symbolic link", Assert.Throws<OutputPathException>(() => WriteText(In("link.txt"), "new")).Kind);
        Assert.Equal(In("target.txt"), new FileInfo(In("link.txt")).LinkTarget);
        Assert.Equal("kept", File.ReadAllText(In("target.txt")));
        Assert.Equal(["dir", "fifo", "link.txt", "target.txt"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Failed_write_keeps_the_previous_file_and_leaves_no_temporary()
    {
        WriteText(In("out.bin"), "previous");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(In("out.bin"), s =>
        {
            s.Write(new byte[100_000]);
            throw new InvalidOperationException("writer failed");
        }));
        Assert.Equal("previous", File.ReadAllText(In("out.bin")));
        Assert.Equal(["out.bin"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    /// <summary>Temporary files of a dead process (hidden, and the visible form of earlier versions) are deleted; those of
    /// a running process (pid 1) and files that merely look alike are kept.</summary>
    [Fact]
    public void Next_write_deletes_temporaries_of_dead_processes_only()
    {
        int dead = DeadProcessId();
        string guid = Guid.NewGuid().ToString("N");
        string[] stale = [$".out.npy.{dead}.{guid}.tmp", $"out.npy.{dead}.{guid}.tmp"];
        string[] kept = [$".out.npy.1.{guid}.tmp", $".other.npy.{dead}.{guid}.tmp", $".out.npy.{dead}.notaguid.tmp", "out.npy.tmp"];
        foreach (var name in stale.Concat(kept)) File.WriteAllText(In(name), "partial");
        WriteText(In("out.npy"), "complete");
        Assert.Equal(kept.Append("out.npy").Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Temporary_name_is_hidden_beside_the_destination_with_the_owner_pid()
    {
        using var pending = AtomicFile.Begin(In("video.mp4"));
        Assert.Equal(_folder, Path.GetDirectoryName(pending.TemporaryPath));
        Assert.Matches($@"^\.video\.mp4\.{Environment.ProcessId}\.[0-9a-f]{{32}}\.tmp$", Path.GetFileName(pending.TemporaryPath));
        File.WriteAllText(pending.TemporaryPath, "frames");
        pending.Commit();
        Assert.Equal("frames", File.ReadAllText(In("video.mp4")));
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }
}
