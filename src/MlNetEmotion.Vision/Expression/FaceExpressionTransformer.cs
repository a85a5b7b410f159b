using MlNetEmotion.Persistence;
using System.Runtime.CompilerServices;
using MlNetEmotion.Data;
using MlNetEmotion.Transforms;
using MlNetEmotion.Vision.Pipeline;

namespace MlNetEmotion.Vision.Expression;

/// <summary>Classifies the facial expression of every face crop in an <see cref="ImageSequence"/> column with
/// <see cref="FaceExpressionNet"/> and writes two float columns: <c>{output}</c>, the 7 probabilities (face-api's
/// order, see <see cref="FaceExpressionNet.Labels"/>), and <c>{output}Embedding</c>, the 256-d pooled features that
/// feed the classifier; averaged over the clip's frames, or per frame (<see cref="FaceExpressionPooling"/>).</summary>
/// <remarks>Nothing is learned: the pretrained network is loaded once per transformer, when first used.</remarks>
public sealed class FaceExpressionTransformer : RowMappingTransformerBase
{
    private readonly Lazy<FaceExpressionNet> _net;

    /// <summary>Creates the transformer.</summary>
    /// <param name="outputColumnName">Probability column produced; the embedding column is this name + <c>Embedding</c>.</param>
    /// <param name="inputColumnName">Image-sequence column of face crops read.</param>
    /// <param name="options">Pooling and weights; null for defaults.</param>
    public FaceExpressionTransformer(string outputColumnName, string inputColumnName, FaceExpressionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentException.ThrowIfNullOrEmpty(inputColumnName);
        options ??= new FaceExpressionOptions();
        if (!Enum.IsDefined(options.Pooling))
            throw new ArgumentOutOfRangeException(nameof(options), options.Pooling, "FaceExpressionOptions.Pooling must be Mean or None.");
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Pooling = options.Pooling;
        WeightsManifestPath = options.WeightsManifestPath;
        _net = new Lazy<FaceExpressionNet>(() => WeightsManifestPath is null ? FaceExpressionNet.LoadPretrained() : FaceExpressionNet.Load(WeightsManifestPath));
    }

    /// <summary>Probability column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>Embedding column produced: <see cref="OutputColumnName"/> + <c>Embedding</c>.</summary>
    public string EmbeddingColumnName => OutputColumnName + "Embedding";

    /// <summary>Image-sequence column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Pooling over frames.</summary>
    public FaceExpressionPooling Pooling { get; }

    /// <summary>TF.js manifest of the weights, or null for the embedded ones.</summary>
    public string? WeightsManifestPath { get; }

    private VectorDataViewType ProbabilityType => VectorType(FaceExpressionNet.Labels.Count);

    private VectorDataViewType EmbeddingType => VectorType(FaceExpressionNet.EmbeddingSize);

    private VectorDataViewType VectorType(int size) =>
        Pooling == FaceExpressionPooling.Mean ? new(NumberDataViewType.Single, size) : new(NumberDataViewType.Single, 0, size);

    /// <summary>The output shape for an input shape (pre-flight check).</summary>
    /// <param name="input">Input shape.</param>
    /// <returns>The input shape with the two float columns added.</returns>
    /// <exception cref="SchemaMismatchException">The input column is missing or not an image sequence.</exception>
    public SchemaShape GetOutputShape(SchemaShape input)
    {
        input.Require(InputColumnName, Expected, c => c.ItemType.Equals(ImageSequenceColumn.Type));
        return input.With(SchemaShapes.Column(OutputColumnName, ProbabilityType), SchemaShapes.Column(EmbeddingColumnName, EmbeddingType));
    }

    private const string Expected = "an image sequence of face crops (Object<ImageSequence>)";

    /// <inheritdoc />
    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) =>
        new Mapper(this, inputSchema, ColumnChecks.Require(inputSchema, InputColumnName, Expected, t => t.Equals(ImageSequenceColumn.Type)));

    /// <inheritdoc />
    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(OutputColumnName);
        context.Writer.Write(InputColumnName);
        context.Writer.Write((int)Pooling);
        context.Writer.Write(WeightsManifestPath ?? "");
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <param name="context">Source.</param>
    /// <returns>The transformer.</returns>
    public static FaceExpressionTransformer Load(StepLoadContext context)
    {
        var r = context.Reader;
        string output = r.ReadString(), input = r.ReadString();
        var pooling = (FaceExpressionPooling)r.ReadInt32();
        string manifest = r.ReadString();
        return new FaceExpressionTransformer(output, input,
            new FaceExpressionOptions { Pooling = pooling, WeightsManifestPath = manifest.Length == 0 ? null : manifest });
    }

    /// <summary>Probabilities and embeddings of one row, pooled as configured.</summary>
    private (float[] Probabilities, float[] Embedding) Compute(ImageSequence? clip, long row)
    {
        if (clip is null) throw new DataValidationException($"Column '{InputColumnName}', row {row}: the image sequence is missing.", InputColumnName, row);
        if (clip.Images.Count == 0 && Pooling == FaceExpressionPooling.Mean)
            throw new DataValidationException($"Column '{InputColumnName}', row {row}: the clip has no frames, so there is nothing to average " +
                                              "(use FaceExpressionPooling.None to allow empty clips).", InputColumnName, row);
        var results = _net.Value.Predict(clip.Images);
        return Pooling == FaceExpressionPooling.Mean
            ? (Mean(results, r => r.Probabilities), Mean(results, r => r.Embedding))
            : ([.. results.SelectMany(r => r.Probabilities)], [.. results.SelectMany(r => r.Embedding)]);
    }

    /// <summary>Frame average, accumulated in double in frame order.</summary>
    private static float[] Mean(IReadOnlyList<FaceExpressionResult> results, Func<FaceExpressionResult, float[]> select)
    {
        var sum = new double[select(results[0]).Length];
        foreach (var result in results)
        {
            var values = select(result);
            for (int i = 0; i < sum.Length; i++) sum[i] += values[i];
        }
        return Array.ConvertAll(sum, s => (float)(s / results.Count));
    }

    /// <summary>Both outputs from one forward pass per row, shared by the two getters of a cursor.</summary>
    private sealed class Mapper : RowMapper
    {
        private readonly FaceExpressionTransformer _parent;
        private readonly DataViewSchema.Column _input;
        private readonly ConditionalWeakTable<DataViewRow, PerRowCache<(float[] Probabilities, float[] Embedding)>> _caches = new();

        public Mapper(FaceExpressionTransformer parent, DataViewSchema schema, DataViewSchema.Column input) : base(schema)
        {
            _parent = parent;
            _input = input;
            OutputColumns =
            [
                new DataViewSchema.DetachedColumn(parent.OutputColumnName, parent.ProbabilityType),
                new DataViewSchema.DetachedColumn(parent.EmbeddingColumnName, parent.EmbeddingType),
            ];
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns { get; }

        public override IEnumerable<DataViewSchema.Column> InputColumns => [_input];

        public override Delegate CreateGetter(DataViewRow input, int outputIndex)
        {
            var cache = _caches.GetValue(input, row =>
            {
                var read = row.GetGetter<ImageSequence>(_input);
                return new PerRowCache<(float[], float[])>(row, () =>
                {
                    ImageSequence clip = null!;
                    read(ref clip);
                    return _parent.Compute(clip, row.Position);
                });
            });
            return outputIndex == 0
                ? ValueReaders.CreateGetter(_parent.ProbabilityType, () => cache.Get().Probabilities)
                : ValueReaders.CreateGetter(_parent.EmbeddingType, () => cache.Get().Embedding);
        }
    }
}
