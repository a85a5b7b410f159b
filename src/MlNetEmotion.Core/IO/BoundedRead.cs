namespace MlNetEmotion.Core.IO;

/// <summary>Reads a stream (a decompressing one, typically) to its end, but never more than a byte limit.</summary>
public static class BoundedRead
{
    /// <summary>Reads <paramref name="stream"/> to its end; null when it holds more than <paramref name="maxBytes"/> bytes
    /// (then at most <paramref name="maxBytes"/> + 1 bytes were read, and memory grew to at most twice that).</summary>
    /// <param name="stream">The source.</param>
    /// <param name="maxBytes">Most bytes accepted (capped at the longest array).</param>
    public static byte[]? ToEnd(Stream stream, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        maxBytes = Math.Clamp(maxBytes, 0, Array.MaxLength - 1);
        using var target = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - target.Length))) > 0)
        {
            target.Write(buffer, 0, read);
            if (target.Length > maxBytes) return null;
        }
        return target.ToArray();
    }
}
