using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>The stable identity of a fitted step for cache keys: the bytes <see cref="StepSaveContext.ToBytes"/>
/// writes for it (its options and what it learned), with each embedded ML.NET model archive replaced by its entries'
/// names and contents, since the archive itself stamps each entry with the time of saving.</summary>
internal static class StepIdentity
{
    private const byte MlNetNode = 2;
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <exception cref="NotSupportedException">The step cannot be saved, so it has no stable identity.</exception>
    public static byte[] Of(ITransformer step)
    {
        byte[] bytes;
        try
        {
            bytes = StepSaveContext.ToBytes(step);
        }
        catch (Exception e) when (e is not (NotSupportedException or OutOfMemoryException))
        {
            throw new NotSupportedException(
                $"{step.GetType().Name} cannot be saved, so it has no stable identity to key a disk cache ({e.Message}).", e);
        }
        return Canonical(bytes);
    }

    /// <summary>Copies <paramref name="bytes"/>, replacing every embedded ML.NET node (node byte, 64-bit length, zip
    /// archive) by the sorted names and contents of its entries.</summary>
    internal static byte[] Canonical(byte[] bytes)
    {
        using var output = new MemoryStream(bytes.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] == MlNetNode && i + 13 <= bytes.Length && bytes.AsSpan(i + 9, 4).SequenceEqual(ZipMagic))
            {
                long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i + 1, 8));
                if (length > 0 && length <= bytes.Length - (i + 9) && TryEntries(bytes, i + 9, (int)length, out var entries))
                {
                    output.WriteByte(MlNetNode);
                    output.Write(entries);
                    i += 9 + (int)length;
                    continue;
                }
            }
            output.WriteByte(bytes[i++]);
        }
        return output.ToArray();
    }

    private static bool TryEntries(byte[] bytes, int offset, int length, out byte[] entries)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, offset, length, writable: false), ZipArchiveMode.Read);
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
                {
                    using var content = new MemoryStream();
                    using (var stream = entry.Open()) stream.CopyTo(content);
                    writer.Write(entry.FullName);
                    writer.Write(content.Length);
                    writer.Write(content.GetBuffer(), 0, (int)content.Length);
                }
            }
            entries = buffer.ToArray();
            return true;
        }
        catch (InvalidDataException)
        {
            entries = [];
            return false;
        }
    }
}
