using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace MlNetEmotion.Signals.Tests.Fourier;

/// <summary>Loads the numpy reference arrays in tests/data/audio (little-endian float32/float64 .npy, C order).</summary>
internal static class FourierFixtures
{
    // Builds may use a private --artifacts-path, so the data is found from this source file's location.
    private static readonly Lazy<string> Folder = new(() => Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "data", "audio")));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Reads <paramref name="name"/> as doubles with its shape.</summary>
    public static (double[] Data, int[] Shape) Load(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder.Value, name));
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        bool isDouble = header.Contains("'<f8'");
        if (!isDouble && !header.Contains("'<f4'")) throw new InvalidDataException($"{name}: unexpected dtype in {header}");
        if (header.Contains("'fortran_order': True")) throw new InvalidDataException($"{name}: Fortran order");
        int open = header.IndexOf('(', StringComparison.Ordinal), close = header.IndexOf(')', StringComparison.Ordinal);
        int[] shape = header[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).ToArray();
        int count = shape.Aggregate(1, (a, b) => a * b);
        var data = new double[count];
        var body = bytes.AsSpan(10 + headerLength);
        for (int i = 0; i < count; i++)
            data[i] = isDouble ? BinaryPrimitives.ReadDoubleLittleEndian(body[(8 * i)..]) : BinaryPrimitives.ReadSingleLittleEndian(body[(4 * i)..]);
        return (data, shape);
    }

    /// <summary>The committed speech (16-bit PCM mono WAV) as floats in [-1, 1), read minimally for the FFT tests.</summary>
    public static float[] Speech()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder.Value, "speech_16k.wav"));
        int pos = 12;
        while (Encoding.ASCII.GetString(bytes, pos, 4) != "data")
            pos += 8 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
        int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
        var samples = new float[size / 2];
        for (int i = 0; i < samples.Length; i++)
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(pos + 8 + 2 * i)) / 32768f;
        return samples;
    }

    /// <summary>Largest absolute difference divided by the largest absolute reference value.</summary>
    public static double RelativeError(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        double err = 0, scale = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            err = Math.Max(err, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }
        return err / scale;
    }
}
