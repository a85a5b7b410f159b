using System.IO.Compression;
using MlNetEmotion.Core.IO;

namespace MlNetEmotion.Signals.Tests.Support;

/// <summary>One uncompressed NumPy .npz archive from tests/data/signals, read with Core's NPY reader.</summary>
public sealed class Fixture
{
    private static readonly Dictionary<string, Fixture> Cache = new();
    private readonly Dictionary<string, NpyArray> _arrays = new();

    private Fixture(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            using Stream stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            memory.Position = 0;
            _arrays[Path.GetFileNameWithoutExtension(entry.Name)] = Npy.Read(memory, $"{path}:{entry.Name}");
        }
    }

    /// <summary>Loads (once) data/signals/<paramref name="name"/>.npz from the test output folder.</summary>
    public static Fixture Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out Fixture? fixture))
            {
                fixture = new Fixture(Path.Combine(AppContext.BaseDirectory, "data", "signals", name + ".npz"));
                Cache[name] = fixture;
            }

            return fixture;
        }
    }

    /// <summary>The flattened float64 array stored under <paramref name="key"/>.</summary>
    public double[] Vector(string key) => _arrays[key].ToDoubleArray();

    /// <summary>Row <paramref name="row"/> of the 2-D array stored under <paramref name="key"/>.</summary>
    public double[] Row(string key, int row)
    {
        NpyArray array = _arrays[key];
        int columns = array.Shape[^1];
        return array.ToDoubleArray().AsSpan(row * columns, columns).ToArray();
    }

    /// <summary>Number of rows of the 2-D array stored under <paramref name="key"/>.</summary>
    public int Rows(string key) => _arrays[key].Shape[0];

    /// <summary>Shape of the array stored under <paramref name="key"/>.</summary>
    public IReadOnlyList<int> Shape(string key) => _arrays[key].Shape;
}
