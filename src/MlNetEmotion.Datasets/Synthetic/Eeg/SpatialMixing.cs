using System.Buffers;
using System.Numerics.Tensors;
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
                for (int i = 0; i < channels; i++)
                {
                    var row = mixed.Slice(i * length + start, block);
                    TensorPrimitives.Multiply(source.Slice(_neighbours[i][0] * block, block), _weights[i][0], row);
                    for (int k = 1; k < _neighbours[i].Length; k++)
                        TensorPrimitives.MultiplyAdd(source.Slice(_neighbours[i][k] * block, block), _weights[i][k], row, row);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sources);
        }
    }

    /// <summary>Samples per block of <see cref="MixNoise"/>: 32 channels × 256 samples of sources is 64 KiB.</summary>
    private const int Block = 256;
}
