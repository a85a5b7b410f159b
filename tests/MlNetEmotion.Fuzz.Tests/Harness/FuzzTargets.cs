using System.IO.Compression;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Datasets.Caching;
using MlNetEmotion.Datasets.Manifests;
using MlNetEmotion.Eeg;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.IO.Mat;
using MlNetEmotion.Neural.Serialization;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>Every file format the library reads, with its committed seed files (under <c>data/</c> next to the assembly).</summary>
public static class FuzzTargets
{
    private static readonly MLContext Ml = new(seed: 0);

    /// <summary>The folder holding the copied test data.</summary>
    public static string DataRoot { get; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>Names of every target, in table order.</summary>
    public static IReadOnlyList<string> Names => All.Value.Select(t => t.Name).ToList();

    /// <summary>The target called <paramref name="name"/>.</summary>
    public static FuzzTarget Get(string name) => All.Value.Single(t => t.Name == name);

    /// <summary>Every target, built once (seed files are read on first use).</summary>
    public static Lazy<IReadOnlyList<FuzzTarget>> All { get; } = new(Build);

    private static IReadOnlyList<FuzzTarget> Build() =>
    [
        new("edf", "input.edf", false, Files("eeg/S001R01.edf", "eeg/*.bdf"), p => EdfReader.Read(p), e => e is EegFormatException),
        new("gdf", "input.gdf", false, Files("eeg/*.gdf"), p => GdfReader.Read(p), e => e is EegFormatException),
        new("mat", "input.mat", false, Files("eeg/*.mat"), ReadMat, e => e is EegFormatException),
        new("npy", "input.npy", false, Files("eeg/*.npy"), ReadNpy, e => e is NpyFormatException or EegFormatException),
        new("csv", "input.csv", true, Files("fuzz/seeds/*.csv"), p => ArrayEegReader.ReadCsv(p, 128), e => e is EegFormatException),
        new("wav", "input.wav", false, Files("audio/speech_16k.wav"), p => WavReader.Read(p), e => e is AudioFormatException),
        new("pcm", "input.raw", false, Files("fuzz/seeds/*.raw"), p => RawPcmReader.Read(p, AudioSampleFormat.Int16, 2, 16000), e => e is AudioFormatException),
        new("png", "input.png", false, Files("vision/*.png"), p => PngDecoder.Read(p), e => e is ImageFormatException, Checksums.RepairPng),
        new("pnm", "input.pnm", true, Files("vision/*.pgm", "fuzz/seeds/*.ppm"), p => Netpbm.Read(p), e => e is ImageFormatException),
        new("y4m", "input.y4m", true, Files("fuzz/seeds/*.y4m"), ReadY4m, e => e is MediaException),
        new("cascade", "input.xml", true, Cascades(), p => CascadeClassifier.Load(p), e => e is CascadeFormatException),
        new("manifest", "input.json", true, Files("manifests/*.json"), p => DatasetManifest.Load(p), e => e is ManifestException),
        new("safetensors", "input.safetensors", false, Files("neural/*.safetensors"), p => SafeTensors.LoadRaw(p), e => e is InvalidDataException),
        new("model", "input.mlnet", false, Files("fuzz/seeds/*.mlnet"), p => Ml.Model.LoadPipeline(p, out _), e => e is InvalidDataException),
        new("diskcache", Path.Combine(SeedFiles.CacheKey[..2], SeedFiles.CacheKey + ".mlnec"), false, Files("fuzz/seeds/*.mlnec"), ReadCacheEntry,
            e => e is InvalidDataException, Checksums.RepairCacheEntry),
    ];

    private static void ReadMat(string path)
    {
        MatReader.Read(path);
        // The EEG view of the same file: a guessed variable, never a multi-trial file.
        EegFile.Read(path, new EegFileOptions { SamplingRate = 128 });
    }

    private static void ReadNpy(string path)
    {
        var array = Npy.Read(path);
        if (array.Shape.Count == 2) EegFile.Read(path, new EegFileOptions { SamplingRate = 128 });
    }

    private static void ReadY4m(string path)
    {
        using var reader = new Y4mReader(path);
        foreach (var _ in reader.ReadFrames()) { }
    }

    private static void ReadCacheEntry(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        // A corrupt entry is a cache miss (null), never an exception; the miss counts as the refusal.
        if (DiskCacheEntry.TryRead(directory, SeedFiles.CacheKey, SeedFiles.CacheTypes) is null)
            throw new InvalidDataException("cache miss");
    }

    /// <summary>The small cascades, decompressed: mutations then hit the XML rather than the gzip checksum.</summary>
    private static IReadOnlyList<byte[]> Cascades() =>
        Directory.GetFiles(Path.Combine(DataRoot, "vision"), "*.xml.gz").Order(StringComparer.Ordinal).Select(f =>
        {
            using var gz = new GZipStream(File.OpenRead(f), CompressionMode.Decompress);
            using var xml = new MemoryStream();
            gz.CopyTo(xml);
            return xml.ToArray();
        }).ToList();

    private static IReadOnlyList<byte[]> Files(params string[] patterns)
    {
        var files = patterns.SelectMany(p => Directory.Exists(Path.Combine(DataRoot, Path.GetDirectoryName(p)!))
            ? Directory.GetFiles(Path.Combine(DataRoot, Path.GetDirectoryName(p)!), Path.GetFileName(p))
            : []).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"No seed files match {string.Join(", ", patterns)} under {DataRoot}.");
        return files.Select(File.ReadAllBytes).ToList();
    }
}
