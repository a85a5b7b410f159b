using System.Security.Cryptography;
using System.Text;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>One cached row on disk: magic, key, the values of the cached columns, and a SHA-256 of the payload.
/// Written to a temporary name and renamed, so a reader never sees half a file; a truncated, corrupt or mismatching
/// file reads as a miss.</summary>
internal static class DiskCacheEntry
{
    public const string Extension = ".mlnec";
    private static readonly byte[] Magic = "MLNEC001"u8.ToArray();

    public static string PathOf(string directory, string key) => Path.Combine(directory, key[..2], key + Extension);

    /// <summary>Reads the entry for <paramref name="key"/>; null when absent, corrupt or for another key.</summary>
    public static object?[]? TryRead(string directory, string key, IReadOnlyList<DataViewType> types)
    {
        string path = PathOf(directory, key);
        if (!File.Exists(path)) return null;
        try
        {
            var bytes = Core.IO.InputFile.ReadAllBytes(path, null, detail => new InvalidDataException($"{path}: {detail}"));
            if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
            var payload = bytes.AsSpan(Magic.Length, bytes.Length - Magic.Length - 32);
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32))) return null;
            using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
            if (reader.ReadString() != key || reader.ReadInt32() != types.Count) return null;
            var values = new object?[types.Count];
            for (int i = 0; i < types.Count; i++) values[i] = ValueCodec.Read(reader, types[i]);
            return reader.BaseStream.Position == reader.BaseStream.Length ? values : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Writes the entry atomically.</summary>
    public static void Write(string directory, string key, IReadOnlyList<DataViewType> types, IReadOnlyList<object?> values)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(key);
            writer.Write(types.Count);
            for (int i = 0; i < types.Count; i++) ValueCodec.Write(writer, types[i], values[i]);
        }
        Core.IO.AtomicFile.Write(PathOf(directory, key), file =>
        {
            file.Write(Magic);
            payload.Position = 0;
            payload.CopyTo(file);
            file.Write(SHA256.HashData(payload.ToArray()));
        });
    }
}
