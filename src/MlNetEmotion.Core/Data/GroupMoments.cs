using System.Numerics.Tensors;

namespace MlNetEmotion.Data;

/// <summary>Mean and standard deviation per slot of one frame, per group (subject), of a Single tensor column: the
/// statistics of <see cref="DataCatalogExtensions.StandardizePerGroup"/>. A column of shape <c>[T, d…]</c> has one
/// statistic per slot of <c>[d…]</c>, pooled over the T frames and the group's rows; a plain vector column has one per
/// slot, pooled over the group's rows.</summary>
internal sealed class GroupMoments
{
    private readonly Dictionary<string, (float[] Mean, float[] Scale)> _groups;

    private GroupMoments(int period, Dictionary<string, (float[] Mean, float[] Scale)> groups)
    {
        Period = period;
        _groups = groups;
    }

    /// <summary>Slots per frame.</summary>
    public int Period { get; }

    /// <summary>Slots per frame of a column type: the product of the dimensions after the first for a tensor of rank 2
    /// or more, else the vector's size (a scalar: 1).</summary>
    public static int PeriodOf(DataViewType type) => type switch
    {
        VectorDataViewType { Dimensions.Length: >= 2 } v => v.Dimensions.Skip(1).Aggregate(1, (a, b) => a * b),
        VectorDataViewType v => v.Size,
        _ => 1,
    };

    /// <summary>A reader of a Single or Single-vector column's current value as an array (a scalar: one element).</summary>
    public static Func<float[]> Reader(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType) return ValueReaders.Create<float[]>(row, column);
        var scalar = ValueReaders.Create<float>(row, column);
        return () => [scalar()];
    }

    /// <summary>One pass over <paramref name="data"/>: the moments of <paramref name="column"/> per value of <paramref name="group"/>.</summary>
    /// <exception cref="DataValidationException">A row's length is not a whole number of frames, or a value is not finite.</exception>
    public static GroupMoments Measure(IDataView data, DataViewSchema.Column group, DataViewSchema.Column column)
    {
        int period = PeriodOf(column.Type);
        var sums = new Dictionary<string, (double[] Sum, double[] Squares, long Frames)>(StringComparer.Ordinal);
        using var cursor = data.GetRowCursor([group, column]);
        var readGroup = ValueReaders.Create<string>(cursor, group);
        var readValues = Reader(cursor, column);
        while (cursor.MoveNext())
        {
            string key = readGroup();
            var values = readValues();
            if (values.Length % period != 0)
                throw new DataValidationException($"Column '{column.Name}', row {cursor.Position}: {values.Length} values are not whole frames of {period}.", column.Name, cursor.Position);
            if (!sums.TryGetValue(key, out var s)) sums[key] = s = (new double[period], new double[period], 0);
            for (int f = 0; f < values.Length; f += period)
                for (int i = 0; i < period; i++)
                {
                    double x = values[f + i];
                    if (!double.IsFinite(x)) throw DataValidationException.NonFinite(column.Name, cursor.Position, f + i, x);
                    s.Sum[i] += x;
                    s.Squares[i] += x * x;
                }
            sums[key] = s with { Frames = s.Frames + values.Length / period };
        }
        var groups = new Dictionary<string, (float[] Mean, float[] Scale)>(StringComparer.Ordinal);
        foreach (var (key, (sum, squares, frames)) in sums)
        {
            var (mean, scale) = (new float[period], new float[period]);
            for (int i = 0; i < period && frames > 0; i++)
            {
                double m = sum[i] / frames, variance = Math.Max(0, squares[i] / frames - m * m);
                mean[i] = (float)m;
                scale[i] = variance > 1e-12 ? (float)(1 / Math.Sqrt(variance)) : 0f;
            }
            groups[key] = (mean, scale);
        }
        return new GroupMoments(period, groups);
    }

    /// <summary>(x − mean) / sd of the group, frame by frame; a slot that is constant within the group becomes 0.</summary>
    public float[] Standardize(string group, float[] values)
    {
        var (mean, scale) = _groups[group];
        var result = new float[values.Length];
        for (int f = 0; f + Period <= values.Length; f += Period)
        {
            var frame = result.AsSpan(f, Period);
            TensorPrimitives.Subtract(values.AsSpan(f, Period), mean, frame);
            TensorPrimitives.Multiply(frame, scale, frame);
        }
        return result;
    }
}
