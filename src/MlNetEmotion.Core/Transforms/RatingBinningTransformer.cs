using MlNetEmotion.Data;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Transforms;

/// <summary>Maps a self-report rating (valence, arousal on the 1..9 scale) to a class key by bins, e.g. the papers'
/// three levels Low [1, 4.5), Medium [4.5, 5.5], High (5.5, 9].</summary>
public sealed class RatingBinningTransformer : RowMappingTransformerBase
{
    /// <summary>One class: ratings up to <paramref name="UpperBound"/> (inclusive or not) that are above the previous bin.</summary>
    /// <param name="Name">Class name.</param>
    /// <param name="UpperBound">Upper edge of the bin.</param>
    /// <param name="UpperInclusive">Whether the edge belongs to this bin.</param>
    public sealed record Bin(string Name, double UpperBound, bool UpperInclusive);

    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Key column produced.</param>
    /// <param name="inputColumnName">Rating column read (Single or Double).</param>
    /// <param name="bins">Bins in ascending order; the last must reach <paramref name="maximum"/>.</param>
    /// <param name="minimum">Smallest valid rating (inclusive).</param>
    /// <param name="maximum">Largest valid rating (inclusive).</param>
    public RatingBinningTransformer(string outputColumnName, string inputColumnName, IReadOnlyList<Bin> bins, double minimum = 1, double maximum = 9)
    {
        if (bins.Count == 0) throw new ArgumentException("At least one bin is required.", nameof(bins));
        for (int i = 1; i < bins.Count; i++)
            if (bins[i].UpperBound < bins[i - 1].UpperBound)
                throw new ArgumentException($"Bin '{bins[i].Name}' upper bound {bins[i].UpperBound} is below the previous bin's {bins[i - 1].UpperBound}.", nameof(bins));
        if (bins[^1].UpperBound < maximum || !bins[^1].UpperInclusive && bins[^1].UpperBound == maximum)
            throw new ArgumentException($"The last bin must reach the maximum rating {maximum}.", nameof(bins));
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Bins = bins;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The papers' three levels: Low [1, 4.5), Medium [4.5, 5.5], High (5.5, 9].</summary>
    public static IReadOnlyList<Bin> ThreeLevels { get; } = [new("Low", 4.5, false), new("Medium", 5.5, true), new("High", 9, true)];

    /// <summary>Binary split: Low ≤ <paramref name="threshold"/> &lt; High.</summary>
    public static IReadOnlyList<Bin> Binary(double threshold = 5) => [new("Low", threshold, true), new("High", 9, true)];

    /// <summary>Column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The bins.</summary>
    public IReadOnlyList<Bin> Bins { get; }

    /// <summary>Smallest valid rating.</summary>
    public double Minimum { get; }

    /// <summary>Largest valid rating.</summary>
    public double Maximum { get; }

    /// <summary>The 1-based key of <paramref name="rating"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside [Minimum, Maximum] or not finite.</exception>
    public uint KeyOf(double rating)
    {
        if (!(rating >= Minimum && rating <= Maximum))
            throw new ArgumentOutOfRangeException(nameof(rating), rating, $"Rating must be in [{Minimum}, {Maximum}].");
        for (int i = 0; i < Bins.Count; i++)
            if (rating < Bins[i].UpperBound || Bins[i].UpperInclusive && rating == Bins[i].UpperBound) return (uint)(i + 1);
        return (uint)Bins.Count;
    }

    internal SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, "a Single or Double rating", c => c.Kind == SchemaShape.Column.VectorKind.Scalar &&
            (c.ItemType == NumberDataViewType.Single || c.ItemType == NumberDataViewType.Double));
        return input.With(SchemaShapes.Column(OutputColumnName, KeyColumns.Type(Bins.Count)));
    }

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write(Minimum);
        context.Writer.Write(Maximum);
        context.Writer.Write(Bins.Count);
        foreach (var b in Bins)
        {
            context.Writer.Write(b.Name);
            context.Writer.Write(b.UpperBound);
            context.Writer.Write(b.UpperInclusive);
        }
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    public static RatingBinningTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString();
        double min = r.ReadDouble(), max = r.ReadDouble();
        var bins = new Bin[context.ReadCount(minItemBytes: 10)]; // name (at least its length byte), bound, inclusive flag
        for (int i = 0; i < bins.Length; i++) bins[i] = new Bin(r.ReadString(), r.ReadDouble(), r.ReadBoolean());
        return new RatingBinningTransformer(output, input, bins, min, max);
    }

    private sealed class Mapper : RowMapper
    {
        private readonly RatingBinningTransformer _parent;
        private readonly DataViewSchema.Column _input;

        public Mapper(RatingBinningTransformer parent, DataViewSchema schema) : base(schema)
        {
            _parent = parent;
            _input = ColumnChecks.Require(schema, parent.InputColumnName, "a Single or Double rating",
                t => t == NumberDataViewType.Single || t == NumberDataViewType.Double);
            OutputColumns = [new(parent.OutputColumnName, KeyColumns.Type(parent.Bins.Count),
                KeyColumns.Annotations(parent.Bins.Select(b => b.Name).ToArray()))];
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

        public override IEnumerable<DataViewSchema.Column> InputColumns => [_input];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            Func<double> read;
            if (_input.Type == NumberDataViewType.Single)
            {
                var g = input.GetGetter<float>(_input);
                read = () => { float v = 0; g(ref v); return v; };
            }
            else
            {
                var g = input.GetGetter<double>(_input);
                read = () => { double v = 0; g(ref v); return v; };
            }
            return (ValueGetter<uint>)((ref uint key) =>
            {
                double rating = read();
                if (!(rating >= _parent.Minimum && rating <= _parent.Maximum))
                    throw new DataValidationException(
                        $"Column '{_input.Name}', row {input.Position}: rating {rating} is outside [{_parent.Minimum}, {_parent.Maximum}].", _input.Name, input.Position);
                key = _parent.KeyOf(rating);
            });
        }
    }
}
