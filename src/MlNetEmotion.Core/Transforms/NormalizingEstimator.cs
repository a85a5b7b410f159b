namespace MlNetEmotion.Transforms;

/// <summary>How a <see cref="NormalizingEstimator"/> learns its affine map <c>y = (x - offset) * scale</c> per slot.</summary>
public enum NormalizationMode
{
    /// <summary>z-score: offset = mean, scale = 1 / population standard deviation (1 when the deviation is 0);
    /// with fixZero, offset = 0 (only scaling).</summary>
    MeanVariance,

    /// <summary>offset = min, scale = 1 / (max - min), mapping the training range to [0, 1] (1 when max = min);
    /// with fixZero, offset = 0 and scale = 1 / max |x|, mapping to [-1, 1].</summary>
    MinMax,
}

/// <summary>Learns per-slot normalisation statistics on the training rows in <see cref="Fit"/> (never on held-out
/// rows) for Single and Single-vector columns. A variable-size vector column (e.g. per-channel EEG features, whose
/// channel count is only known from the data) takes its size from the training rows, which must all agree; the output
/// is then a vector of that known size.</summary>
public sealed class NormalizingEstimator : IEstimator<NormalizingTransformer>
{
    private readonly (string Output, string Input)[] _columns;

    /// <summary>Creates the estimator for (output, input) column pairs.</summary>
    public NormalizingEstimator(NormalizationMode mode, bool fixZero, params (string OutputColumnName, string InputColumnName)[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("At least one column is required.", nameof(columns));
        Mode = mode;
        FixZero = fixZero;
        _columns = columns;
    }

    /// <summary>The normalisation mode.</summary>
    public NormalizationMode Mode { get; }

    /// <summary>Whether zero maps to zero (no shift).</summary>
    public bool FixZero { get; }

    /// <inheritdoc />
    public NormalizingTransformer Fit(IDataView input)
    {
        var inputColumns = _columns.Select(c => ColumnChecks.RequireSingleOrAnySingleVector(input.Schema, c.Input)).ToArray();
        var stats = inputColumns.Select(c => new SlotStatistics(ColumnChecks.SlotCount(c.Type))).ToArray();
        long rows = 0;
        using (var cursor = input.GetRowCursor(inputColumns))
        {
            var readers = inputColumns.Select(c => SingleColumnReader.Create(cursor, c)).ToArray();
            while (cursor.MoveNext())
            {
                for (int i = 0; i < inputColumns.Length; i++)
                    stats[i].Add(readers[i](), inputColumns[i].Name, cursor.Position);
                rows++;
            }
        }
        if (rows == 0) throw DataValidationException.Empty($"Normalising '{_columns[0].Input}'");
        var parameters = stats.Select((s, i) => s.ToAffine(Mode, FixZero)).ToArray();
        return new NormalizingTransformer(_columns.Select((c, i) =>
            new NormalizingTransformer.ColumnParameters(c.Output, c.Input, parameters[i].Offset, parameters[i].Scale)).ToArray());
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var added = _columns.Select(c =>
        {
            var input = inputSchema.Require(c.Input, "Single or a vector of Single", s => s.ItemType == NumberDataViewType.Single);
            return input with { Name = c.Output, Kind = input.Kind == SchemaShape.VectorKind.VariableVector ? SchemaShape.VectorKind.Vector : input.Kind };
        }).ToArray();
        return inputSchema.With(added);
    }

    /// <summary>Running per-slot moments and range, in double.</summary>
    private sealed class SlotStatistics(int slots)
    {
        private double[] _mean = new double[slots];
        private double[] _m2 = new double[slots];
        private double[] _min = Enumerable.Repeat(double.PositiveInfinity, slots).ToArray();
        private double[] _max = Enumerable.Repeat(double.NegativeInfinity, slots).ToArray();
        private long _count;

        public void Add(ReadOnlySpan<float> values, string column, long row)
        {
            if (_count == 0 && _mean.Length == 0 && values.Length > 0)          // variable-size column: the first row sets the size
                (_mean, _m2, _min, _max) = (new double[values.Length], new double[values.Length],
                    Enumerable.Repeat(double.PositiveInfinity, values.Length).ToArray(), Enumerable.Repeat(double.NegativeInfinity, values.Length).ToArray());
            if (values.Length != _mean.Length)
                throw new DataValidationException($"Column '{column}', row {row}: {values.Length} values, expected {_mean.Length}.", column, row);
            _count++;
            for (int j = 0; j < values.Length; j++)
            {
                double x = values[j];
                if (!double.IsFinite(x)) throw DataValidationException.NonFinite(column, row, j, x);
                double delta = x - _mean[j];
                _mean[j] += delta / _count;
                _m2[j] += delta * (x - _mean[j]);
                if (x < _min[j]) _min[j] = x;
                if (x > _max[j]) _max[j] = x;
            }
        }

        public (double[] Offset, double[] Scale) ToAffine(NormalizationMode mode, bool fixZero)
        {
            int n = _mean.Length;
            var offset = new double[n];
            var scale = new double[n];
            for (int j = 0; j < n; j++)
            {
                if (mode == NormalizationMode.MeanVariance)
                {
                    double std = Math.Sqrt(_m2[j] / _count);
                    offset[j] = fixZero ? 0 : _mean[j];
                    scale[j] = std > 0 ? 1 / std : 1;
                }
                else
                {
                    double range = fixZero ? Math.Max(Math.Abs(_min[j]), Math.Abs(_max[j])) : _max[j] - _min[j];
                    offset[j] = fixZero ? 0 : _min[j];
                    scale[j] = range > 0 ? 1 / range : 1;
                }
            }
            return (offset, scale);
        }
    }
}
