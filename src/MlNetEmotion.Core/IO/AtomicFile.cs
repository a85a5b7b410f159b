namespace MlNetEmotion.Core.IO;

/// <summary>Writes a file under a unique temporary name in its folder and renames it into place, so that a failure or a
/// crash never leaves a half-written file under the real name (model files, caches, NPY/PNG/WAV/MAT/EDF outputs).</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; the folder is created if needed and an
    /// existing file is replaced only once the new one is complete.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <param name="bufferSize">Stream buffer in bytes. Default 64 KiB.</param>
    public static void Write(string path, Action<Stream> write, int bufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize))
                write(stream);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
