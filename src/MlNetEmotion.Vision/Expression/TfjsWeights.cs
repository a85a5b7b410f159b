using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Vision.Expression;

/// <summary>Reads TensorFlow.js weights: a <c>*-weights_manifest.json</c> (groups of weight specs, each group stored
/// across its listed binary shard files, concatenated) and the shards, dequantised as <c>tf.io.decodeWeights</c> does:
/// <c>uint8</c>/<c>uint16</c> entries as <c>q · scale + min</c> (computed in double, stored as float32),
/// <c>float16</c> entries as IEEE half floats, plain <c>float32</c>/<c>int32</c>/<c>bool</c> entries as they are.</summary>
/// <remarks>Tensors keep TensorFlow's shapes (convolution filters HWIO, dense weights [in, out]).</remarks>
public static class TfjsWeights
{
    /// <summary>Loads every weight of the manifest at <paramref name="manifestPath"/>; shards are read from the
    /// manifest's folder.</summary>
    /// <param name="manifestPath">Path of the <c>weights_manifest.json</c> file.</param>
    /// <returns>Weights by TF.js name (e.g. <c>dense0/conv0/filters</c>), in manifest order.</returns>
    /// <exception cref="FileNotFoundException">The manifest or a shard does not exist.</exception>
    /// <exception cref="InvalidDataException">The manifest is malformed or a shard is too short; the message names
    /// the file and the weight.</exception>
    public static IReadOnlyDictionary<string, Tensor> Load(string manifestPath)
    {
        if (!File.Exists(manifestPath))
            throw new FileNotFoundException($"TF.js weights manifest '{manifestPath}' does not exist.", manifestPath);
        string folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        using var manifest = File.OpenRead(manifestPath);
        return Load(manifest, shard =>
        {
            string path = Path.Combine(folder, shard);
            if (!File.Exists(path))
                throw new FileNotFoundException($"TF.js weights shard '{path}' named in '{manifestPath}' does not exist.", path);
            return File.OpenRead(path);
        }, manifestPath);
    }

    /// <summary>Loads every weight of a manifest read from <paramref name="manifest"/>, opening shards by their
    /// manifest path through <paramref name="openShard"/>.</summary>
    /// <param name="manifest">The manifest JSON.</param>
    /// <param name="openShard">Opens a shard given its path as written in the manifest.</param>
    /// <param name="sourceName">Name used in error messages (a file path or resource name).</param>
    /// <returns>Weights by TF.js name, in manifest order.</returns>
    /// <exception cref="InvalidDataException">The manifest is malformed or a shard is too short.</exception>
    public static IReadOnlyDictionary<string, Tensor> Load(Stream manifest, Func<string, Stream> openShard, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(openShard);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(manifest);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"TF.js weights manifest '{sourceName}' is not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw Invalid(sourceName, "the top level must be an array of weight groups");
            var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var group in doc.RootElement.EnumerateArray())
            {
                byte[] data = ReadShards(group, openShard, sourceName);
                int offset = 0;
                foreach (var spec in Property(group, "weights", JsonValueKind.Array, sourceName).EnumerateArray())
                {
                    var entry = WeightSpec.Parse(spec, sourceName);
                    int length = entry.ByteLength;
                    if (offset + length > data.Length)
                        throw Invalid(sourceName, $"weight '{entry.Name}' needs bytes {offset}..{offset + length} but its group's shards hold {data.Length}");
                    if (!weights.TryAdd(entry.Name, torch.tensor(entry.Decode(data.AsSpan(offset, length)), entry.Shape)))
                        throw Invalid(sourceName, $"weight '{entry.Name}' appears twice");
                    offset += length;
                }
            }
            return weights;
        }
    }

    private static byte[] ReadShards(JsonElement group, Func<string, Stream> openShard, string sourceName)
    {
        using var all = new MemoryStream();
        foreach (var path in Property(group, "paths", JsonValueKind.Array, sourceName).EnumerateArray())
        {
            using var shard = openShard(path.GetString() ?? throw Invalid(sourceName, "a shard path is not a string"));
            shard.CopyTo(all);
        }
        return all.ToArray();
    }

    internal static JsonElement Property(JsonElement obj, string name, JsonValueKind kind, string sourceName)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind != kind)
            throw Invalid(sourceName, $"expected a '{name}' {kind.ToString().ToLowerInvariant()} in {obj.GetRawText()[..Math.Min(80, obj.GetRawText().Length)]}");
        return value;
    }

    internal static InvalidDataException Invalid(string sourceName, string reason) =>
        new($"TF.js weights manifest '{sourceName}': {reason}.");

    /// <summary>One manifest entry: name, shape, stored element type and optional quantisation.</summary>
    private sealed record WeightSpec(string Name, long[] Shape, string DType, string? Quantization, double Scale, double Min)
    {
        public long Count => Shape.Aggregate(1L, (a, b) => a * b);

        public int ByteLength => checked((int)(Count * (Quantization ?? DType) switch
        {
            "uint8" or "bool" => 1,
            "uint16" or "float16" => 2,
            _ => 4,
        }));

        public static WeightSpec Parse(JsonElement spec, string sourceName)
        {
            string name = Property(spec, "name", JsonValueKind.String, sourceName).GetString()!;
            var shape = Property(spec, "shape", JsonValueKind.Array, sourceName).EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (shape.Any(d => d < 0)) throw Invalid(sourceName, $"weight '{name}' has a negative dimension");
            string dtype = Property(spec, "dtype", JsonValueKind.String, sourceName).GetString()!;
            if (dtype is not ("float32" or "int32" or "bool"))
                throw Invalid(sourceName, $"weight '{name}' has dtype '{dtype}'; float32, int32 and bool are supported");
            if (!spec.TryGetProperty("quantization", out var q))
                return new WeightSpec(name, shape, dtype, null, 1, 0);
            string qtype = Property(q, "dtype", JsonValueKind.String, sourceName).GetString()!;
            return qtype switch
            {
                "uint8" or "uint16" => new WeightSpec(name, shape, dtype, qtype,
                    Property(q, "scale", JsonValueKind.Number, sourceName).GetDouble(),
                    Property(q, "min", JsonValueKind.Number, sourceName).GetDouble()),
                "float16" => new WeightSpec(name, shape, dtype, qtype, 1, 0),
                _ => throw Invalid(sourceName, string.Create(CultureInfo.InvariantCulture,
                    $"weight '{name}' has quantization dtype '{qtype}'; uint8, uint16 and float16 are supported")),
            };
        }

        public float[] Decode(ReadOnlySpan<byte> bytes)
        {
            var values = new float[Count];
            switch (Quantization ?? DType)
            {
                case "uint8":
                    for (int i = 0; i < values.Length; i++) values[i] = (float)(bytes[i] * Scale + Min);
                    break;
                case "uint16":
                    for (int i = 0; i < values.Length; i++) values[i] = (float)(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]) * Scale + Min);
                    break;
                case "float16":
                    for (int i = 0; i < values.Length; i++) values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]);
                    break;
                case "float32":
                    for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                    break;
                case "int32":
                    for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
                    break;
                default: // bool
                    for (int i = 0; i < values.Length; i++) values[i] = bytes[i] != 0 ? 1f : 0f;
                    break;
            }
            return values;
        }
    }
}
