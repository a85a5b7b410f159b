using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace MlNetEmotion.Neural.Serialization;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON
/// (<c>{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}</c>,
/// padded with spaces to a multiple of 8), then the raw little-endian data; offsets are relative to the data start.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    /// <summary>Saves float32 / int64 tensors (e.g. a <c>state_dict()</c>) in their given order.</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        SaveRaw(path, tensors.Select(kv => new KeyValuePair<string, SafeTensor>(kv.Key, SafeTensor.FromTensor(kv.Value))), metadata);

    /// <summary>Saves raw entries of any dtype; the file is written to a temporary name and then moved into place.</summary>
    public static void SaveRaw(string path, IEnumerable<KeyValuePair<string, SafeTensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var bytes = Serialize(tensors, metadata);
        string tmp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The complete file bytes for <paramref name="tensors"/>.</summary>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, SafeTensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.ToList();
        var seen = new HashSet<string>();
        foreach (var (name, _) in list)
            if (name == MetadataKey || !seen.Add(name)) throw new ArgumentException($"safetensors: duplicate or reserved tensor name '{name}'.");
        using var json = new MemoryStream();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            if (metadata is not null && metadata.Count > 0)
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata) w.WriteString(k, v);
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, t) in list)
            {
                w.WriteStartObject(name);
                w.WriteString("dtype", t.DType.ToString());
                w.WriteStartArray("shape");
                foreach (long d in t.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + t.Data.Length);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += t.Data.Length;
            }
            w.WriteEndObject();
        }
        int headerLen = (int)json.Length;
        int padded = (headerLen + 7) / 8 * 8;
        long dataLen = list.Sum(kv => (long)kv.Value.Data.Length);
        var result = new byte[8 + padded + dataLen];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)padded);
        json.GetBuffer().AsSpan(0, headerLen).CopyTo(result.AsSpan(8));
        result.AsSpan(8 + headerLen, padded - headerLen).Fill((byte)' ');
        long pos = 8 + padded;
        foreach (var (_, t) in list)
        {
            t.Data.CopyTo(result, pos);
            pos += t.Data.Length;
        }
        return result;
    }

    /// <summary>Loads a file as tensors (floats → float32, integers → int64), in header order.</summary>
    public static OrderedDictionary<string, Tensor> Load(string path)
    {
        var result = new OrderedDictionary<string, Tensor>();
        foreach (var (name, t) in LoadRaw(path).Tensors) result.Add(name, t.ToTensor());
        return result;
    }

    /// <summary>Loads raw entries and metadata; a corrupt file raises <see cref="InvalidDataException"/> naming the offset and reason.</summary>
    public static (OrderedDictionary<string, SafeTensor> Tensors, Dictionary<string, string> Metadata) LoadRaw(string path)
    {
        byte[] bytes;
        try
        {
            // Folders, devices and FIFOs (which report length 0 and could block or never end) are refused: only non-empty regular files are read.
            if (Directory.Exists(path)) throw Corrupt(path, 0, "the path is a directory, not a file");
            var info = new FileInfo(path);
            if (info.Exists && info.Length == 0) throw Corrupt(path, 0, "the file is empty or not a regular file (a device, FIFO or socket)");
            if (info.Exists && info.Length > Array.MaxLength) throw Corrupt(path, 0, $"the file is {info.Length} bytes, more than one array can hold");
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"safetensors: file '{path}' not found.", path, e);
        }
        return Deserialize(bytes, path);
    }

    /// <summary>Parses file bytes; <paramref name="source"/> names the file in errors.</summary>
    public static (OrderedDictionary<string, SafeTensor> Tensors, Dictionary<string, string> Metadata) Deserialize(byte[] bytes, string source = "<bytes>")
    {
        if (bytes.Length < 8) throw Corrupt(source, 0, $"file is {bytes.Length} bytes, shorter than the 8-byte header length");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > (ulong)(bytes.Length - 8)) throw Corrupt(source, 0, $"header length {n} exceeds the {bytes.Length - 8} bytes after it");
        int headerLen = (int)n;
        long dataStart = 8 + headerLen;
        long dataLen = bytes.Length - dataStart;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes.AsMemory(8, headerLen));
        }
        catch (JsonException e)
        {
            throw Corrupt(source, 8 + (e.BytePositionInLine ?? 0), $"header is not valid JSON ({e.Message})");
        }
        using (doc)
        {
            try
            {
                return ParseHeader(doc, source, dataStart, dataLen, bytes);
            }
            catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
            {
                throw Corrupt(source, 8, $"header holds a string that is not valid UTF-8 ({e.InnerException.Message})");
            }
        }
    }

    private static (OrderedDictionary<string, SafeTensor> Tensors, Dictionary<string, string> Metadata) ParseHeader(
        JsonDocument doc, string source, long dataStart, long dataLen, byte[] bytes)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Corrupt(source, 8, "header must be a JSON object");
        var tensors = new OrderedDictionary<string, SafeTensor>();
        var metadata = new Dictionary<string, string>();
        var ranges = new List<(long Begin, long End, string Name)>();
        foreach (var prop in doc.RootElement.EnumerateObject())
        {
            if (prop.Name == MetadataKey)
            {
                if (prop.Value.ValueKind != JsonValueKind.Object) throw Corrupt(source, 8, "__metadata__ must be an object of strings");
                foreach (var m in prop.Value.EnumerateObject())
                    metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()!
                        : throw Corrupt(source, 8, $"__metadata__ value '{m.Name}' must be a string");
                continue;
            }
            if (tensors.ContainsKey(prop.Name)) throw Corrupt(source, 8, $"tensor '{prop.Name}' is named twice in the header");
            var (t, begin, end) = ParseEntry(prop, source, dataStart, dataLen, bytes);
            ranges.Add((begin, end, prop.Name));
            tensors.Add(prop.Name, t);
        }
        ranges.Sort((a, b) => a.Begin.CompareTo(b.Begin));
        long expect = 0;
        foreach (var (b, e, name) in ranges)
        {
            if (b != expect) throw Corrupt(source, dataStart + b, $"tensor '{name}' starts at data offset {b} but {expect} was expected (gap or overlap)");
            expect = e;
        }
        if (expect != dataLen) throw Corrupt(source, dataStart + expect, $"{dataLen - expect} trailing bytes after the last tensor");
        return (tensors, metadata);
    }

    private static (SafeTensor Tensor, long Begin, long End) ParseEntry(JsonProperty prop, string source, long dataStart, long dataLen, byte[] bytes)
    {
        var v = prop.Value;
        string name = prop.Name;
        if (v.ValueKind != JsonValueKind.Object || !v.TryGetProperty("dtype", out var dt) || !v.TryGetProperty("shape", out var sh)
            || !v.TryGetProperty("data_offsets", out var off))
            throw Corrupt(source, 8, $"tensor '{name}' needs dtype, shape and data_offsets");
        var dtype = (dt.ValueKind == JsonValueKind.String ? SafeTensorDTypes.Parse(dt.GetString()!) : null)
            ?? throw Corrupt(source, 8, $"tensor '{name}' has unsupported dtype {dt}");
        if (sh.ValueKind != JsonValueKind.Array || off.ValueKind != JsonValueKind.Array || off.GetArrayLength() != 2)
            throw Corrupt(source, 8, $"tensor '{name}' has a malformed shape or data_offsets");
        var shape = new long[sh.GetArrayLength()];
        int i = 0;
        foreach (var d in sh.EnumerateArray())
        {
            if (!d.TryGetInt64(out shape[i]) || shape[i] < 0) throw Corrupt(source, 8, $"tensor '{name}' has a bad dimension {d}");
            i++;
        }
        if (!off[0].TryGetInt64(out long begin) || !off[1].TryGetInt64(out long end) || begin < 0 || end < begin)
            throw Corrupt(source, 8, $"tensor '{name}' has bad data_offsets {off}");
        if (end > dataLen) throw Corrupt(source, dataStart + begin, $"tensor '{name}' ends at data offset {end}, past the {dataLen} data bytes");
        long numel = 1;
        foreach (long d in shape)
        {
            if (d != 0 && numel > dataLen / d) throw Corrupt(source, dataStart + begin, $"tensor '{name}' has shape {Shapes.Format(shape)}, more elements than the {dataLen} data bytes hold");
            numel *= d;
        }
        long expected = numel * SafeTensorDTypes.Size(dtype);
        if (end - begin != expected)
            throw Corrupt(source, dataStart + begin, $"tensor '{name}' spans {end - begin} bytes but {dtype} {Shapes.Format(shape)} needs {expected}");
        return (new SafeTensor(dtype, shape, bytes.AsSpan((int)(dataStart + begin), (int)(end - begin)).ToArray()), begin, end);
    }

    private static InvalidDataException Corrupt(string source, long offset, string reason) =>
        new($"safetensors '{source}': corrupt at byte offset {offset}: {reason}.");
}
