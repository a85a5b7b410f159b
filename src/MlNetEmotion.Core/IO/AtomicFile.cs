using System.Diagnostics;
using System.Globalization;

namespace MlNetEmotion.Core.IO;

/// <summary>
/// The one way the toolkit writes an output file (model files, caches, NPY/PNG/WAV/MAT/EDF/JSON outputs): all or
/// nothing. The content goes to a hidden temporary file in the destination's folder, <c>.NAME.PID.RANDOM.tmp</c>,
/// which is flushed to disk and then renamed over the destination, so that a failure or a kill (even SIGKILL) leaves
/// either the previous file or the complete new one under the real name. Temporary files of a killed run (whose
/// process is gone) are deleted by the next write of the same file.
/// </summary>
/// <remarks>Only regular files are written: a destination that is a directory, a device, a FIFO, a socket or a
/// symbolic link is refused with <see cref="OutputPathException"/> before anything is written. A symbolic link is
/// refused rather than written through because renaming over it would silently replace the link, and writing through
/// it would let whoever controls the link choose the file that is overwritten; name the target instead.</remarks>
public static class AtomicFile
{
    private const string Suffix = ".tmp";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; the folder is created if needed and an
    /// existing file is replaced only once the new one is complete.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <param name="bufferSize">Stream buffer in bytes. Default 64 KiB.</param>
    /// <exception cref="OutputPathException"><paramref name="path"/> exists and is not a regular file.</exception>
    public static void Write(string path, Action<Stream> write, int bufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var pending = Begin(path);
        using (var stream = new FileStream(pending.TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        pending.Commit();
    }

    /// <summary>Checks, before any work, that <paramref name="path"/> can be written: it is a regular file or free
    /// (checked again when it is written).</summary>
    /// <exception cref="OutputPathException"><paramref name="path"/> exists and is not a regular file.</exception>
    public static void CheckDestination(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        RequireRegularOrAbsent(path, Path.GetFullPath(path));
    }

    /// <summary>Starts an all-or-nothing write of <paramref name="path"/> whose content another party (e.g. an ffmpeg
    /// child process) writes to <see cref="PendingFile.TemporaryPath"/>: the destination is checked, its folder created
    /// and stale temporary files of killed runs deleted; <see cref="PendingFile.Commit"/> moves the file into place and
    /// disposing without committing deletes it.</summary>
    /// <param name="path">Destination file.</param>
    /// <exception cref="OutputPathException"><paramref name="path"/> exists and is not a regular file.</exception>
    public static PendingFile Begin(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        RequireRegularOrAbsent(path, full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        DeleteStaleTemporaries(full);
        return new PendingFile(path, full, TemporaryName(full, Environment.ProcessId));
    }

    /// <summary>The temporary name this process uses for <paramref name="full"/>: hidden, beside it, with the owner's pid.</summary>
    internal static string TemporaryName(string full, int processId) =>
        Path.Combine(Path.GetDirectoryName(full)!,
            string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.{processId}.{Guid.NewGuid():N}{Suffix}"));

    /// <summary>Deletes the temporary files of <paramref name="full"/> left by processes that no longer run: hidden
    /// <c>.NAME.PID.RANDOM.tmp</c> files, and <c>NAME.PID.RANDOM.tmp</c> files of earlier versions.</summary>
    internal static void DeleteStaleTemporaries(string full)
    {
        string folder = Path.GetDirectoryName(full)!, name = Path.GetFileName(full);
        foreach (string file in Directory.EnumerateFiles(folder, "*" + Suffix))
        {
            string candidate = Path.GetFileName(file);
            string? rest = candidate.StartsWith('.' + name + '.', StringComparison.Ordinal) ? candidate[(name.Length + 2)..]
                : candidate.StartsWith(name + '.', StringComparison.Ordinal) ? candidate[(name.Length + 1)..]
                : null;
            var parts = rest is { Length: > 5 } && rest.EndsWith(Suffix, StringComparison.Ordinal) ? rest[..^Suffix.Length].Split('.') : null;
            if (parts is not [var pid, var random] || random.Length != 32 || !Guid.TryParseExact(random, "N", out _)
                || !int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int owner) || IsRunning(owner))
                continue;
            try { File.Delete(file); }
            catch (IOException) { }                 // another writer is cleaning up too
            catch (UnauthorizedAccessException) { } // someone else's file: leave it
        }
    }

    /// <summary>Throws <see cref="OutputPathException"/> unless <paramref name="full"/> is a regular file or free.</summary>
    internal static void RequireRegularOrAbsent(string given, string full)
    {
        string? kind = FileNode.Kind(full);
        if (kind is not null and not "regular file") throw new OutputPathException(given, kind);
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }         // no such process
        catch (InvalidOperationException) { return false; }
        catch (System.ComponentModel.Win32Exception) { return true; }  // exists but is not ours to inspect
    }
}
