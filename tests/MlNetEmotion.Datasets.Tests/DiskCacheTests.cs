using MlNetEmotion.Data;
using MlNetEmotion.Datasets.Caching;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Datasets.Tests;

public class DiskCacheTests : IDisposable
{
    private static int _computations;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mlnemo-cache-{Guid.NewGuid():N}");
    private readonly MLContext _ctx = new(seed: 2);

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

    /// <summary>ML.NET's model archive stamps its entries with the time of saving: the cache key of an ML.NET step must
    /// not change with the clock (else a later run never hits), but must change with what the step learned.</summary>
    [Fact]
    public void Key_of_an_MlNet_step_ignores_the_time_of_saving()
    {
        var data = Data(4);
        var fitted = _ctx.Transforms.NormalizeMinMax("G", "Gain").Fit(data);
        var first = StepIdentity.Of(fitted);
        Thread.Sleep(2100);                                            // zip timestamps have a 2 s resolution
        Assert.Equal(first, StepIdentity.Of(fitted));
        Assert.NotEqual(first, StepIdentity.Of(_ctx.Transforms.NormalizeMinMax("G", "Gain").Fit(Data(8))));
    }

    /// <summary>A trainer reading the chain in a shuffled order: each row must get its own values, both when they are
    /// computed (and stored) and when they are read back.</summary>
    [Fact]
    public void Shuffled_cursor_gets_each_rows_own_values_on_miss_and_on_hit()
    {
        var data = Data(10).ToInMemory();                             // a view that can shuffle
        var fresh = _ctx.Transforms.CustomMapping<Source, Spectrum>(Expensive, "test-spectrum").Fit(data).Transform(data);
        var expected = fresh.GetColumn<string>("Path").Zip(fresh.GetColumn<float[]>("Power")).ToDictionary(p => p.First, p => p.Second);
        foreach (int seed in new[] { 5, 6 })                          // first pass computes, second reads the cache
        {
            var cached = Cached(data);
            using var cursor = cached.GetRowCursor(cached.Schema, new Random(seed));
            var path = ValueReaders.Create<string>(cursor, cached.Schema["Path"]);
            var power = ValueReaders.Create<float[]>(cursor, cached.Schema["Power"]);
            var order = new List<string>();
            while (cursor.MoveNext())
            {
                string p = path();
                float[] v = power();
                order.Add(p);
                Assert.Equal(expected[p], v);
            }
            Assert.NotEqual(expected.Keys, order);                    // the order really was shuffled
        }
        Assert.Equal(10, DiskCacheInfo.Of(_directory).Entries);
        Assert.Equal(expected.Values.SelectMany(v => v), All(Cached(data)));
    }

    [Fact]
    public void Unwritable_cache_folder_still_gives_the_values_and_warns_once()
    {
        File.WriteAllText(_directory, "a file where the cache folder should be");
        var warnings = new List<string>();
        _ctx.Log += (_, e) => { if (e.RawMessage.StartsWith("warning: cannot write", StringComparison.Ordinal)) warnings.Add(e.RawMessage); };
        var data = Data(4);
        var expected = All(_ctx.Transforms.CustomMapping<Source, Spectrum>(Expensive, "test-spectrum").Fit(data).Transform(data));
        int before = _computations;
        Assert.Equal(expected, All(Cached(data, new DiskCacheOptions { Directory = Path.Combine(_directory, "cache") })));
        Assert.Equal(4, _computations - before);
        Assert.Single(warnings);
        Assert.Contains(_directory, warnings[0]);
        File.Delete(_directory);
    }

    /// <summary>Two chains filling the same cache at once (two processes on one corpus): every entry ends up whole and
    /// readable, no temporary file is left, and every reader sees the fresh values.</summary>
    [Fact]
    public void Concurrent_writers_of_the_same_keys_leave_whole_entries()
    {
        var data = Data(16);
        var expected = All(_ctx.Transforms.CustomMapping<Source, Spectrum>(Expensive, "test-spectrum").Fit(data).Transform(data));
        var results = new float[6][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i => results[i] = All(Cached(data)));
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
        var files = Directory.GetFiles(_directory, "*" + DiskCacheEntry.Extension, SearchOption.AllDirectories);
        Assert.Equal(16, files.Length);
        int before = _computations;
        Assert.Equal(expected, All(Cached(data)));
        Assert.Equal(0, _computations - before);                      // every entry passed its checksum
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("off", false)]
    [InlineData(" FALSE ", false)]
    [InlineData("1", true)]
    [InlineData(null, true)]
    public void Environment_switch_turns_the_cache_off(string? value, bool enabled)
    {
        string? saved = Environment.GetEnvironmentVariable(DiskCacheOptions.DisableVariable);
        Environment.SetEnvironmentVariable(DiskCacheOptions.DisableVariable, value);
        DiskCacheOptions options;
        try { options = new DiskCacheOptions { Directory = _directory }; }
        finally { Environment.SetEnvironmentVariable(DiskCacheOptions.DisableVariable, saved); }
        Assert.Equal(enabled, options.Enabled);
        All(Cached(Data(3), options));
        Assert.Equal(enabled, Directory.Exists(_directory));
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
        var anonymous = _ctx.Data.DiskCache(_ctx.Transforms.CustomMapping<Source, Spectrum>(Expensive, contractName: null), new DiskCacheOptions { Directory = _directory });
        Assert.Throws<NotSupportedException>(() => anonymous.Fit(data));
    }

    public void Dispose()
    {
        if (File.Exists(_directory)) File.Delete(_directory);
        if (Directory.Exists(_directory)) Directory.Delete(_directory, true);
    }
}
