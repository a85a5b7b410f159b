using MlNetEmotion.Data;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Core.Tests;

/// <summary>A minimal trainer for testing the evaluation plumbing: nearest class centroid with softmax(-distance²) scores.</summary>
public sealed class NearestCentroidEstimator(List<int[]>? seenIds = null) : IEstimator<NearestCentroidTransformer>
{
    public NearestCentroidTransformer Fit(IDataView input)
    {
        var key = (KeyDataViewType)input.Schema["Label"].Type;
        var labels = input.GetColumn<uint>("Label").ToArray();
        var features = input.GetColumn<float[]>("Features").ToArray();
        seenIds?.Add(input.GetColumn<int>("Id").ToArray());
        var centroids = new double[key.Count][];
        for (int k = 0; k < (int)key.Count; k++)
        {
            var members = features.Where((_, i) => labels[i] == k + 1).ToArray();
            if (members.Length == 0) throw new InvalidOperationException($"class {k + 1} absent");
            centroids[k] = Enumerable.Range(0, members[0].Length).Select(j => members.Average(m => (double)m[j])).ToArray();
        }
        return new NearestCentroidTransformer(centroids, KeyColumns.ClassNames(input.Schema["Label"]));
    }

    /// <summary>Needs a key label and a Single feature vector; adds Score and PredictedLabel (shapes carry no class
    /// count, so the sizes here are placeholders of the right kind).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        inputSchema.Require("Label", "a key label", c => c.IsKey);
        inputSchema.Require("Features", "a Single vector", c => c.ItemType == NumberDataViewType.Single && c.Kind != SchemaShape.Column.VectorKind.Scalar);
        return inputSchema.With(
            SchemaShapes.Column("Score", new VectorDataViewType(NumberDataViewType.Single, 1)),
            SchemaShapes.Column("PredictedLabel", KeyColumns.Type(1)));
    }
}

public sealed class NearestCentroidTransformer(double[][] centroids, string[] classNames) : RowMappingTransformerBase
{
    public double[][] Centroids { get; } = centroids;

    public string[] ClassNames { get; } = classNames;

    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    public override void Save(StepSaveContext context) => throw new NotSupportedException("test-only trainer");

    private sealed class Mapper(NearestCentroidTransformer parent, DataViewSchema schema) : RowMapper(schema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns =>
        [
            new("Score", new VectorDataViewType(NumberDataViewType.Single, parent.Centroids.Length)),
            new("PredictedLabel", KeyColumns.Type(parent.Centroids.Length), KeyColumns.Annotations(parent.ClassNames)),
        ];

        public override IEnumerable<DataViewSchema.Column> InputColumns => [InputSchema["Features"]];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var read = VectorValues.DenseSingleReader(input, InputSchema["Features"]);
            var cache = new PerRowCache<float[]>(input, () =>
            {
                var x = read();
                var d = parent.Centroids.Select(c => -c.Select((v, j) => (v - x[j]) * (v - x[j])).Sum()).ToArray();
                double max = d.Max();
                var e = d.Select(v => Math.Exp(v - max)).ToArray();
                return e.Select(v => (float)(v / e.Sum())).ToArray();
            });
            if (outputIndex == 0) return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> v) => VectorValues.Assign(ref v, cache.Get()));
            return (ValueGetter<uint>)((ref uint v) =>
            {
                var s = cache.Get();
                v = (uint)(Array.IndexOf(s, s.Max()) + 1);
            });
        }
    }
}
