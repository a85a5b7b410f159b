using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// One parity fixture from <c>tests/data/neural/&lt;name&gt;.safetensors</c> (written by make_fixtures.py), read as
/// raw arrays: F32, F64, I64 and BOOL entries plus the <c>__metadata__</c> strings. Key prefixes are described in
/// tests/data/neural/README.md.
/// </summary>
internal sealed class Fixture
{
    private readonly Dictionary<string, (string Dtype, long[] Shape, byte[] Bytes)> entries = new();

    private Fixture(string name, string path)
    {
        Name = name;
        Path = path;
        byte[] file = File.ReadAllBytes(path);
        long headerLength = BinaryPrimitives.ReadInt64LittleEndian(file);
        using var header = JsonDocument.Parse(file.AsMemory(8, (int)headerLength));
        int dataStart = 8 + (int)headerLength;
        foreach (var property in header.RootElement.EnumerateObject())
        {
            if (property.Name == "__metadata__")
            {
                foreach (var m in property.Value.EnumerateObject()) Metadata[m.Name] = m.Value.GetString()!;
                continue;
            }

            var shape = property.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var offsets = property.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            entries[property.Name] = (property.Value.GetProperty("dtype").GetString()!, shape,
                file.AsSpan(dataStart + offsets[0], offsets[1] - offsets[0]).ToArray());
        }
    }

    /// <summary>Fixture name (file name without extension).</summary>
    public string Name { get; }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>The module configuration written by the script.</summary>
    public Dictionary<string, string> Metadata { get; } = new();

    /// <summary>Names of all tensors in the file.</summary>
    public IEnumerable<string> Keys => entries.Keys;

    /// <summary>Loads <c>tests/data/neural/<paramref name="name"/>.safetensors</c>.</summary>
    public static Fixture Load(string name) => new(name, FilePath(name));

    /// <summary>Full path of fixture <paramref name="name"/> (for the engine's own safetensors loader).</summary>
    public static string FilePath(string name) => System.IO.Path.Combine(RepoRoot(), "tests", "data", "neural", name + ".safetensors");

    /// <summary>Whether tensor <paramref name="key"/> is present.</summary>
    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>Shape of tensor <paramref name="key"/>.</summary>
    public long[] Shape(string key) => Get(key).Shape;

    /// <summary>Float32 values of <paramref name="key"/> (F32 entries; F64 entries are rounded).</summary>
    public float[] F32(string key)
    {
        var (dtype, _, bytes) = Get(key);
        return dtype switch
        {
            "F32" => Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i))).ToArray(),
            "F64" => F64(key).Select(v => (float)v).ToArray(),
            _ => throw new InvalidDataException($"{Path}: {key} is {dtype}, not a float."),
        };
    }

    /// <summary>Float64 values of an F64 entry.</summary>
    public double[] F64(string key)
    {
        var (dtype, _, bytes) = Get(key);
        if (dtype != "F64") throw new InvalidDataException($"{Path}: {key} is {dtype}, expected F64.");
        return Enumerable.Range(0, bytes.Length / 8).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 * i))).ToArray();
    }

    /// <summary>Int64 values of an I64 entry.</summary>
    public long[] I64(string key)
    {
        var (dtype, _, bytes) = Get(key);
        if (dtype != "I64") throw new InvalidDataException($"{Path}: {key} is {dtype}, expected I64.");
        return Enumerable.Range(0, bytes.Length / 8).Select(i => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8 * i))).ToArray();
    }

    /// <summary>Values of a BOOL entry.</summary>
    public bool[] Bool(string key)
    {
        var (dtype, _, bytes) = Get(key);
        if (dtype != "BOOL") throw new InvalidDataException($"{Path}: {key} is {dtype}, expected BOOL.");
        return bytes.Select(b => b != 0).ToArray();
    }

    private (string Dtype, long[] Shape, byte[] Bytes) Get(string key) =>
        entries.TryGetValue(key, out var e) ? e : throw new KeyNotFoundException($"{Path}: no tensor named {key}.");

    /// <summary>
    /// The repository root: found above the test binaries, or else above this source file (builds with
    /// <c>--artifacts-path</c> put the binaries outside the repository).
    /// </summary>
    private static string RepoRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "MlNetEmotion.sln"))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No MlNetEmotion.sln above {AppContext.BaseDirectory} or {sourceFile}.");
    }
}
