using System.Text;
using MlNetEmotion.Audio.IO;
using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Datasets.Caching;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>
/// Writes the seed files of the formats that have no other committed fixture (CSV, raw PCM, PPM, Y4M, a saved model,
/// a disk-cache entry) with the library's own writers; they are committed under <c>tests/data/fuzz/seeds</c>
/// (<c>dotnet run --project tests/MlNetEmotion.Fuzz.Tests -- seeds tests/data/fuzz/seeds</c> rewrites them).
/// </summary>
public static class SeedFiles
{
    /// <summary>The key of the seed disk-cache entry.</summary>
    public const string CacheKey = "5eed0c0ffee0000000000000000000000000000000000000000000000000cafe";

    /// <summary>The column types of the seed disk-cache entry.</summary>
    public static IReadOnlyList<DataViewType> CacheTypes { get; } =
        [NumberDataViewType.Single, new VectorDataViewType(NumberDataViewType.Single, 4), TextDataViewType.Instance];

    /// <summary>Writes every seed into <paramref name="directory"/>.</summary>
    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(1);
        var csv = new StringBuilder("time,Fp1,Fp2,C3,C4\n");
        for (int i = 0; i < 64; i++)
            csv.Append(FormattableString.Invariant($"{i / 128.0:0.######},{random.NextDouble() * 100 - 50:0.###},{random.NextDouble() * 100 - 50:0.###},{random.NextDouble():0.###},{-i}\n"));
        File.WriteAllText(Path.Combine(directory, "eeg_4ch.csv"), csv.ToString());

        var speech = WavReader.Read(Path.Combine(FuzzTargets.DataRoot, "audio", "speech_16k.wav"));
        var pcm = new byte[2 * 2 * 400];
        for (int i = 0; i < 800; i++)
            BitConverter.TryWriteBytes(pcm.AsSpan(2 * i), (short)(speech.Samples[i % speech.Samples.Length] * 32767));
        File.WriteAllBytes(Path.Combine(directory, "stereo_s16.raw"), pcm);

        var image = new Image<byte>(7, 5, 3);
        for (int i = 0; i < image.Pixels.Length; i++) image.Pixels[i] = (byte)(i * 37);
        Netpbm.Write(Path.Combine(directory, "rgb_7x5.ppm"), image);

        File.WriteAllBytes(Path.Combine(directory, "two_frames_420.y4m"), Y4m(8, 6, 2, "420jpeg"));
        File.WriteAllBytes(Path.Combine(directory, "one_frame_444.y4m"), Y4m(5, 3, 1, "444"));

        WriteModel(Path.Combine(directory, "normalize_bins.mlnet"));

        string cache = Path.Combine(directory, "cache");
        DiskCacheEntry.Write(cache, CacheKey, CacheTypes, [1.5f, new VBuffer<float>(4, [1f, 2f, 3f, 4f]), "trial".AsMemory()]);
        File.Move(DiskCacheEntry.PathOf(cache, CacheKey), Path.Combine(directory, "entry.mlnec"), overwrite: true);
        Directory.Delete(cache, recursive: true);
    }

    private static byte[] Y4m(int width, int height, int frames, string colour)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F25:1 Ip A1:1 C{colour}\n"));
        int chroma = colour == "444" ? width * height : (width + 1) / 2 * ((height + 1) / 2);
        for (int f = 0; f < frames; f++)
        {
            bytes.AddRange("FRAME\n"u8.ToArray());
            for (int i = 0; i < width * height + 2 * chroma; i++) bytes.Add((byte)(16 + (i * 7 + f * 13) % 220));
        }
        return [.. bytes];
    }

    private static void WriteModel(string path)
    {
        var ml = new MLContext(seed: 0);
        var rows = Enumerable.Range(0, 12).Select(i => new SeedRow { Rating = 1 + i % 9, Features = [i, i * 0.5f, 3 - i] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.NormalizeMeanVariance("Features").Append(ml.Transforms.Labels.ThreeLevel("Rating")).Fit(data);
        ml.Model.SavePipeline(model, data.Schema, path);
    }

    private sealed class SeedRow
    {
        public float Rating { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
