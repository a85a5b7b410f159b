using System.Globalization;
using MlNetEmotion.Data;

namespace MlNetEmotion.Transforms;

/// <summary>Learns the distinct values of a column in <see cref="Fit"/> and maps them to keys 1..n (class indices).
/// Values unseen in training map to 0 (missing). The class names travel in the <see cref="AnnotationNames.KeyValues"/>
/// annotation.</summary>
public sealed class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
{
    /// <summary>How keys are ordered.</summary>
    public enum KeyOrdinality
    {
        /// <summary>In order of first appearance in the training rows (ML.NET's default).</summary>
        ByOccurrence,

        /// <summary>In ascending value order (numbers numerically, text ordinally).</summary>
        ByValue,
    }

    private readonly string _output;
    private readonly string _input;
    private readonly KeyOrdinality _ordinality;

    /// <summary>Creates the estimator.</summary>
    public ValueToKeyMappingEstimator(string outputColumnName, string? inputColumnName = null, KeyOrdinality keyOrdinality = KeyOrdinality.ByOccurrence)
    {
        _output = outputColumnName;
        _input = inputColumnName ?? outputColumnName;
        _ordinality = keyOrdinality;
    }

    /// <inheritdoc />
    public ValueToKeyMappingTransformer Fit(IDataView input)
    {
        var column = ColumnChecks.Require(input.Schema, _input, "a text, boolean or numeric scalar", ValueToKeyMappingTransformer.IsMappable);
        var seen = new Dictionary<string, object>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var cursor = input.GetRowCursor([column]))
        {
            var read = DataViewExtensions.GetBoxedGetter(cursor, column);
            while (cursor.MoveNext())
            {
                var value = read();
                if (value is null) continue;
                var term = ValueToKeyMappingTransformer.Term(value);
                if (seen.TryAdd(term, value)) order.Add(term);
            }
        }
        if (order.Count == 0) throw DataValidationException.Empty($"Mapping '{_input}' to keys");
        if (_ordinality == KeyOrdinality.ByValue)
            order = column.Type is TextDataViewType
                ? order.Order(StringComparer.Ordinal).ToList()
                : order.OrderBy(t => Convert.ToDouble(seen[t], CultureInfo.InvariantCulture)).ToList();
        return new ValueToKeyMappingTransformer(_output, _input, order);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var input = inputSchema.Require(_input, "a text, boolean or numeric scalar",
            c => c.Kind == SchemaShape.VectorKind.Scalar && ValueToKeyMappingTransformer.IsMappable(c.ItemType));
        return inputSchema.With(new SchemaShape.Column(_output, SchemaShape.VectorKind.Scalar, new KeyDataViewType(1), true));
    }
}

/// <summary>Maps values to the keys learned by <see cref="ValueToKeyMappingEstimator"/>.</summary>
public sealed class ValueToKeyMappingTransformer : RowToRowTransformerBase
{
    private readonly Dictionary<string, uint> _keys;

    /// <summary>Creates the transformer from the learned terms (key i+1 for term i).</summary>
    public ValueToKeyMappingTransformer(string outputColumnName, string inputColumnName, IReadOnlyList<string> terms)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Terms = terms;
        _keys = terms.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (uint)(x.i + 1), StringComparer.Ordinal);
    }

    /// <summary>Column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The learned values, as invariant text, in key order.</summary>
    public IReadOnlyList<string> Terms { get; }

    internal static bool IsMappable(DataViewType type) =>
        type is TextDataViewType or BooleanDataViewType || type is NumberDataViewType;

    internal static string Term(object value) => value switch
    {
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <inheritdoc />
    public override void Save(ModelSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Write(Terms);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    public static ValueToKeyMappingTransformer Load(ModelLoadContext context) =>
        new(context.Reader.ReadString(), context.Reader.ReadString(), context.ReadStrings());

    private sealed class Mapper : RowMapper
    {
        private readonly ValueToKeyMappingTransformer _parent;
        private readonly DataViewSchema.Column _input;

        public Mapper(ValueToKeyMappingTransformer parent, DataViewSchema schema) : base(schema)
        {
            _parent = parent;
            _input = ColumnChecks.Require(schema, parent.InputColumnName, "a text, boolean or numeric scalar", IsMappable);
            OutputColumns = [new(parent.OutputColumnName, new KeyDataViewType(parent.Terms.Count), DataViewSchema.Annotations.ForKeyValues(parent.Terms))];
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

        public override IEnumerable<DataViewSchema.Column> InputColumns => [_input];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var read = DataViewExtensions.GetBoxedGetter(input, _input);
            return (ValueGetter<uint>)((ref uint key) =>
            {
                var value = read();
                key = value is not null && _parent._keys.TryGetValue(Term(value), out uint k) ? k : 0;
            });
        }
    }
}
