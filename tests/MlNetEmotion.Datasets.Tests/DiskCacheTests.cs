using MlNetEmotion.Data;
using MlNetEmotion.Datasets.Caching;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Datasets.Tests;

public class DiskCacheTests : IDisposable
{
    private static int _computations;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mlnemo-cache-{Guid.NewGuid():N}");
    private readonly EmotionContext _ctx = new(seed: 2);

    static DiskCacheTests() =>
        CustomMappingRegistry.Register<Source, Spectrum>("test-spectrum", Expensive);

    public sealed class Source
    {
        public string Path { get; set; } = "";

        public float Gain { get; set; }
    }

    public sealed class Spectrum
    {
        [VectorType(64)]
        public float[] Power { get; set; } = [];
    }

    private static void Expensive(Source s, Spectrum d)
    {
        Interlocked.Increment(ref _computations);
        var random = new Random(s.Path.GetHashCode(StringComparison.Ordinal));
        d.Power = Enumerable.Range(0, 64).Select(i => s.Gain * (float)random.NextDouble() + i).ToArray();
    }

    private IDataView Data(int rows = 12) => _ctx.Data.LoadFromEnumerable(
        Enumerable.Range(0, rows).Select(i => new Source { Path = $"/corpus/s{i:00}.bdf", Gain = 1 + i }).ToList());

    private IDataView Cached(IDataView data, DiskCacheOptions? options = null) =>
        _ctx.Data.DiskCache(_ctx.Transforms.CustomMapping<Source, Spectrum>(Expensive, "test-spectrum"),
            options ?? new DiskCacheOptions { Directory = _directory }).Fit(data).Transform(data);

    private static float[] All(IDataView view) => view.GetColumn<float[]>("Power").SelectMany(p => p).ToArray();

    [Fact]
    public void Second_run_reads_every_row_from_disk_byte_identically()
    {
        var data = Data();
        var fresh = All(_ctx.Transforms.CustomMapping<Source, Spectrum>(Expensive, "test-spectrum").Fit(data).Transform(data));
        int before = _computations;
        var first = All(Cached(data));
        Assert.Equal(12, _computations - before);
        before = _computations;
        var second = All(Cached(data));
        Assert.Equal(0, _computations - before);
        Assert.Equal(fresh.Select(BitConverter.SingleToInt32Bits), first.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(fresh.Select(BitConverter.SingleToInt32Bits), second.Select(BitConverter.SingleToInt32Bits));
        var info = DiskCacheInfo.Of(_directory);
        Assert.Equal(12, info.Entries);
        Assert.True(info.Bytes > 12 * 64 * 4);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Corrupt_or_truncated_entry_is_recomputed_and_rewritten()
    {
        var data = Data(3);
        var expected = All(Cached(data));
        var files = Directory.GetFiles(_directory, "*" + DiskCacheEntry.Extension, SearchOption.AllDirectories).Order().ToArray();
        var bytes = File.ReadAllBytes(files[0]);
        bytes[bytes.Length / 2] ^= 0x55;
        File.WriteAllBytes(files[0], bytes);
        File.WriteAllBytes(files[1], File.ReadAllBytes(files[1])[..20]);
        int before = _computations;
        Assert.Equal(expected, All(Cached(data)));
        Assert.Equal(2, _computations - before);
        before = _computations;
        Assert.Equal(expected, All(Cached(data)));
        Assert.Equal(0, _computations - before);
    }

    [Fact]
    public void Other_key_values_or_other_step_state_miss()
    {
        var data = Data(4);
        All(Cached(data));
        int before = _computations;
        var moved = _ctx.Data.LoadFromEnumerable(Enumerable.Range(0, 4).Select(i => new Source { Path = $"/other/s{i:00}.bdf", Gain = 1 + i }).ToList());
        All(Cached(moved));
        Assert.Equal(4, _computations - before);

        var normalise = _ctx.Data.DiskCache(_ctx.Transforms.NormalizeMinMax("G", "Gain"), new DiskCacheOptions { Directory = _directory });
        var g1 = normalise.Fit(data).Transform(data).GetColumn<float>("G").ToArray();
        var wider = _ctx.Data.LoadFromEnumerable(Enumerable.Range(0, 8).Select(i => new Source { Path = $"/corpus/s{i:00}.bdf", Gain = 1 + i }).ToList());
        var g2 = normalise.Fit(wider).Transform(data).GetColumn<float>("G").ToArray();   // learned another range: must not reuse
        Assert.NotEqual(g1, g2);
        Assert.Equal(1f, g1[^1]);
    }

    [Fact]
    public void Disabled_cache_writes_nothing()
    {
        int before = _computations;
        All(Cached(Data(5), new DiskCacheOptions { Directory = _directory, Enabled = false }));
        All(Cached(Data(5), new DiskCacheOptions { Directory = _directory, Enabled = false }));
        Assert.Equal(10, _computations - before);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void Unsaveable_step_is_refused_with_a_reason()
    {
        var data = Data(2);
        var anonymous = _ctx.Data.DiskCache(_ctx.Transforms.CustomMapping<Source, Spectrum>(Expensive), new DiskCacheOptions { Directory = _directory });
        Assert.Throws<NotSupportedException>(() => anonymous.Fit(data));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, true);
    }
}
