using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MlNetEmotion.Eeg.Montages;

namespace MlNetEmotion.Datasets.Synthetic.Eeg;

/// <summary>
/// Volume conduction, crudely: each channel becomes a Gaussian-weighted sum of its neighbours' sources,
/// weight exp(−d²/2λ²) for electrodes d metres apart (weights under 0.05 dropped), each row scaled to unit energy so that
/// independent unit-variance sources stay unit-variance. Neighbouring channels end up correlated, distant ones not.
/// </summary>
internal sealed class SpatialMixing
{
    /// <summary>Spatial length scale λ, metres.</summary>
    public const double LengthScale = 0.04;

    private readonly int[][] _neighbours;
    private readonly double[][] _weights;

    public SpatialMixing(IReadOnlyList<Point3> positions)
    {
        int count = positions.Count;
        _neighbours = new int[count][];
        _weights = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var neighbours = new List<int>();
            var weights = new List<double>();
            for (int j = 0; j < count; j++)
            {
                var d = positions[i] - positions[j];
                double w = Math.Exp(-Point3.Dot(d, d) / (2 * LengthScale * LengthScale));
                if (w < 0.05) continue;
                neighbours.Add(j);
                weights.Add(w);
            }
            _neighbours[i] = [.. neighbours];
            _weights[i] = [.. weights];
            TensorPrimitives.Divide(_weights[i], TensorPrimitives.Norm(_weights[i]), _weights[i]);
        }
    }

    /// <summary>Channels mixed.</summary>
    public int Count => _neighbours.Length;

    /// <summary>
    /// Fills the first <see cref="Count"/> rows of channel-major <paramref name="mixed"/> [rows × length] with spatially
    /// mixed white noise. Works in blocks of <see cref="Block"/> samples so that the sources stay in cache.
    /// </summary>
    public void MixNoise(UniformNoise noise, Span<double> mixed, int length)
    {
        int channels = Count;
        double[] sources = ArrayPool<double>.Shared.Rent(channels * Block);
        try
        {
            for (int start = 0; start < length; start += Block)
            {
                int block = Math.Min(Block, length - start);
                var source = sources.AsSpan(0, channels * block);
                noise.Fill(source);
                for (int i = 0; i < channels; i++) MixRow(i, source, mixed.Slice(i * length + start, block));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sources);
        }
    }

    /// <summary>One output row of a block: the weighted sum of the neighbours' sources, accumulated in registers four
    /// vectors at a time (one store per vector instead of one per neighbour); the tail the same way, one sample at a time.</summary>
    private void MixRow(int i, ReadOnlySpan<double> source, Span<double> row)
    {
        int block = row.Length;
        int[] neighbours = _neighbours[i];
        double[] weights = _weights[i];
        ref double origin = ref MemoryMarshal.GetReference(source);
        ref double target = ref MemoryMarshal.GetReference(row);
        const int Step = 4 * 4; // four vectors of four
        int n = 0;
        for (; n + Step <= block; n += Step)
        {
            Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int k = 0; k < neighbours.Length; k++)
            {
                var w = Vector256.Create(weights[k]);
                nuint at = (nuint)(neighbours[k] * block + n);
                s0 += w * Vector256.LoadUnsafe(ref origin, at);
                s1 += w * Vector256.LoadUnsafe(ref origin, at + 4);
                s2 += w * Vector256.LoadUnsafe(ref origin, at + 8);
                s3 += w * Vector256.LoadUnsafe(ref origin, at + 12);
            }
            s0.StoreUnsafe(ref target, (nuint)n);
            s1.StoreUnsafe(ref target, (nuint)n + 4);
            s2.StoreUnsafe(ref target, (nuint)n + 8);
            s3.StoreUnsafe(ref target, (nuint)n + 12);
        }
        for (; n < block; n++)
        {
            double sum = 0;
            for (int k = 0; k < neighbours.Length; k++) sum += weights[k] * source[neighbours[k] * block + n];
            row[n] = sum;
        }
    }

    /// <summary>Samples per block of <see cref="MixNoise"/>: 32 channels × 256 samples of sources is 64 KiB.</summary>
    private const int Block = 256;
}
