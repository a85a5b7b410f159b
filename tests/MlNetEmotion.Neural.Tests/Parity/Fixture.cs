using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using MlNetEmotion.Neural.Serialization;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// One parity fixture, <c>tests/data/neural/&lt;name&gt;.safetensors</c> (written by make_fixtures.py), read with the
/// engine's own <see cref="SafeTensors.LoadRaw"/>. Key prefixes are described in tests/data/neural/README.md.
/// </summary>
internal sealed class Fixture
{
    private readonly OrderedDictionary<string, SafeTensor> tensors;

    private Fixture(string name, string path)
    {
        Name = name;
        Path = path;
        (tensors, Metadata) = SafeTensors.LoadRaw(path);
    }

    /// <summary>Fixture name (file name without extension).</summary>
    public string Name { get; }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>The module configuration written by the script.</summary>
    public Dictionary<string, string> Metadata { get; }

    /// <summary>Names of all tensors in the file.</summary>
    public IEnumerable<string> Keys => tensors.Keys;

    /// <summary>Loads <c>tests/data/neural/<paramref name="name"/>.safetensors</c>.</summary>
    public static Fixture Load(string name) =>
        new(name, System.IO.Path.Combine(RepoRoot(), "tests", "data", "neural", name + ".safetensors"));

    /// <summary>Whether tensor <paramref name="key"/> is present.</summary>
    public bool Has(string key) => tensors.ContainsKey(key);

    /// <summary>Shape of tensor <paramref name="key"/>.</summary>
    public long[] Shape(string key) => Get(key).Shape;

    /// <summary>Entry <paramref name="key"/> as an engine tensor (floats → float32, integers → int64).</summary>
    public Tensor Tensor(string key) => Get(key).ToTensor();

    /// <summary>Float32 values of <paramref name="key"/>.</summary>
    public float[] F32(string key) => Tensor(key).ToArray();

    /// <summary>Float64 values of an F64 entry (learning-rate sequences).</summary>
    public double[] F64(string key)
    {
        var t = Get(key);
        if (t.DType != SafeTensorDType.F64) throw new InvalidDataException($"{Path}: {key} is {t.DType}, expected F64.");
        var values = new double[t.Data.Length / 8];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(t.Data.AsSpan(8 * i));
        return values;
    }

    /// <summary>Int64 values of an integer entry.</summary>
    public long[] I64(string key) => Tensor(key).ToInt64Array();

    private SafeTensor Get(string key) =>
        tensors.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"{Path}: no tensor named {key}.");

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
