using MlNetEmotion.Data;

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
        for (int k = 0; k < key.Count; k++)
        {
            var members = features.Where((_, i) => labels[i] == k + 1).ToArray();
            if (members.Length == 0) throw new InvalidOperationException($"class {k + 1} absent");
            centroids[k] = Enumerable.Range(0, members[0].Length).Select(j => members.Average(m => (double)m[j])).ToArray();
        }
        return new NearestCentroidTransformer(centroids, input.Schema["Label"].Annotations);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
}

public sealed class NearestCentroidTransformer(double[][] centroids, DataViewSchema.Annotations classNames) : RowToRowTransformerBase
{
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    public override void Save(ModelSaveContext context) => throw new NotSupportedException();

    private sealed class Mapper(NearestCentroidTransformer parent, DataViewSchema schema) : RowMapper(schema)
    {
        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns =>
        [
            new("Score", new VectorDataViewType(NumberDataViewType.Single, parent._centroids.Length)),
            new("PredictedLabel", new KeyDataViewType(parent._centroids.Length), parent._names),
        ];

        public override IEnumerable<DataViewSchema.Column> InputColumns => [InputSchema["Features"]];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var get = input.GetGetter<float[]>(InputSchema["Features"]);
            var cache = new PerRowCache<float[]>(input, () =>
            {
                float[] x = [];
                get(ref x);
                var d = parent._centroids.Select(c => -c.Select((v, j) => (v - x[j]) * (v - x[j])).Sum()).ToArray();
                double max = d.Max();
                var e = d.Select(v => Math.Exp(v - max)).ToArray();
                return e.Select(v => (float)(v / e.Sum())).ToArray();
            });
            if (outputIndex == 0) return (ValueGetter<float[]>)((ref float[] v) => v = cache.Get());
            return (ValueGetter<uint>)((ref uint v) =>
            {
                var s = cache.Get();
                v = (uint)(Array.IndexOf(s, s.Max()) + 1);
            });
        }
    }

    private readonly double[][] _centroids = centroids;
    private readonly DataViewSchema.Annotations _names = classNames;
}
