using System.Numerics.Tensors;

namespace MlNetEmotion.Eeg.Features;

/// <summary>
/// Per-channel z-scoring with statistics learned from training data only: mean and population standard
/// deviation of every channel over all samples of all training rows. <see cref="Fit"/> learns,
/// <see cref="Transform"/> applies.
/// </summary>
public sealed class ChannelNormalizer
{
    /// <summary>Creates a normaliser from known statistics.</summary>
    /// <param name="means">Per-channel means.</param>
    /// <param name="deviations">Per-channel standard deviations, positive.</param>
    public ChannelNormalizer(double[] means, double[] deviations)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(deviations);
        if (means.Length != deviations.Length)
            throw new ArgumentException($"{means.Length} means but {deviations.Length} deviations.", nameof(deviations));
        Means = means;
        StandardDeviations = deviations;
    }

    /// <summary>Per-channel means learned in <see cref="Fit"/>.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>Per-channel population standard deviations learned in <see cref="Fit"/>.</summary>
    public IReadOnlyList<double> StandardDeviations { get; }

    /// <summary>Learns per-channel statistics from training rows, each [channel][sample].</summary>
    /// <param name="rows">Training rows; every row has the same channel count.</param>
    /// <exception cref="ArgumentException">No rows, channel counts differ, or a channel is constant over all rows (the message names its index).</exception>
    public static ChannelNormalizer Fit(IEnumerable<IReadOnlyList<double[]>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double[]? sums = null, squares = null;
        long[]? counts = null;
        int index = 0;
        foreach (var row in rows)
        {
            sums ??= new double[row.Count];
            squares ??= new double[row.Count];
            counts ??= new long[row.Count];
            if (row.Count != sums.Length)
                throw new ArgumentException($"Row {index} has {row.Count} channels but row 0 has {sums.Length}.", nameof(rows));
            for (int c = 0; c < row.Count; c++)
            {
                sums[c] += TensorPrimitives.Sum(row[c]);
                squares[c] += TensorPrimitives.SumOfSquares(row[c]);
                counts[c] += row[c].Length;
            }
            index++;
        }
        if (sums is null) throw new ArgumentException("Fit needs at least one training row.", nameof(rows));
        var means = new double[sums.Length];
        var deviations = new double[sums.Length];
        for (int c = 0; c < sums.Length; c++)
        {
            means[c] = sums[c] / counts![c];
            deviations[c] = Math.Sqrt(Math.Max(squares![c] / counts[c] - means[c] * means[c], 0));
            if (!(deviations[c] > 0))
                throw new ArgumentException($"Channel {c} is constant over the training rows, so it cannot be normalised.", nameof(rows));
        }
        return new ChannelNormalizer(means, deviations);
    }

    /// <summary>Returns (x − mean) / std per channel.</summary>
    /// <param name="row">[channel][sample]; same channel count as in <see cref="Fit"/>.</param>
    /// <exception cref="ArgumentException">The channel count differs from the fitted one.</exception>
    public double[][] Transform(IReadOnlyList<double[]> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Count != Means.Count)
            throw new ArgumentException($"The row has {row.Count} channels but the normaliser was fitted on {Means.Count}.", nameof(row));
        var result = new double[row.Count][];
        for (int c = 0; c < row.Count; c++)
        {
            result[c] = new double[row[c].Length];
            TensorPrimitives.Subtract(row[c], Means[c], result[c]);
            TensorPrimitives.Divide(result[c], StandardDeviations[c], result[c]);
        }
        return result;
    }
}
