namespace MlNetEmotion.Core.IO;

/// <summary>
/// Opens input files for the readers: refuses directories, devices, FIFOs and sockets (which report no length
/// and could block or never end) and files over <see cref="ReadLimits.MaxFileBytes"/>, with the reader's own
/// typed exception, before anything is opened or allocated.
/// </summary>
public static class InputFile
{
    /// <summary>Checks that <paramref name="path"/> is a non-empty regular file within the limit; returns its length.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <param name="error">Builds the reader's typed exception from a detail message.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static long Check(string path, ReadLimits? limits, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(error);
        string? kind = FileNode.Kind(path, followLinks: true);
        if (kind is null) throw new FileNotFoundException($"'{path}' does not exist.", path);
        if (kind == "directory") throw error("is a directory; a file is expected.");
        // Devices, FIFOs and sockets could block or never end: none of them can be read safely.
        if (kind != "regular file") throw error($"is a {kind}, not a regular file; a non-empty regular file is expected.");
        long length = new FileInfo(path).Length;
        if (length == 0) throw error("is empty (zero-length); a non-empty regular file is expected.");
        ReadLimits.Check(length, (limits ?? ReadLimits.Default).MaxFileBytes, "file size in bytes", nameof(ReadLimits.MaxFileBytes), error);
        return length;
    }

    /// <summary>Opens a checked file for reading (see <see cref="Check"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <param name="error">Builds the reader's typed exception from a detail message.</param>
    /// <param name="bufferSize">Stream buffer size in bytes. Default 64 KiB.</param>
    public static FileStream OpenRead(string path, ReadLimits? limits, Func<string, Exception> error, int bufferSize = 1 << 16)
    {
        Check(path, limits, error);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
    }

    /// <summary>Reads a checked file whole (see <see cref="Check"/>); at most the length it had when checked.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Limits, or null for <see cref="ReadLimits.Default"/>.</param>
    /// <param name="error">Builds the reader's typed exception from a detail message.</param>
    public static byte[] ReadAllBytes(string path, ReadLimits? limits, Func<string, Exception> error)
    {
        long length = Check(path, limits, error);
        ReadLimits.Check(length, Array.MaxLength, "file size in bytes", nameof(ReadLimits.MaxFileBytes), error);
        var bytes = new byte[length];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length) throw error($"ended after {read} of its {length} bytes (it changed while being read).");
        return bytes;
    }
}
