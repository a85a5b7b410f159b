using MlNetEmotion.Models.GlimpseTraining;

namespace MlNetEmotion.Models.Tests.GlimpseTraining;

/// <summary>Tiny video–EEG trials for the glimpse trainers: 6 frames of 3 band images 8×8 and 5 face features, the class
/// shifting both; some rows shorter (Length).</summary>
internal static class GlimpseRows
{
    public const int Frames = 6, Side = 8, FaceFeatures = 5;

    public sealed class Row
    {
        [VectorType(Frames, 3, Side, Side)]
        public float[] Topomaps { get; set; } = [];

        [VectorType(Frames, FaceFeatures)]
        public float[] Faces { get; set; } = [];

        public int Length { get; set; }

        public string Class { get; set; } = "";
    }

    public static List<Row> Make(int count = 12, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            int c = i % 3;
            return new Row
            {
                Topomaps = [.. Enumerable.Range(0, Frames * 3 * Side * Side).Select(_ => (float)(random.NextDouble() - 0.5 + 0.3 * c))],
                Faces = [.. Enumerable.Range(0, Frames * FaceFeatures).Select(_ => (float)(random.NextDouble() - 0.5 + 0.5 * c))],
                Length = i % 4 == 3 ? Frames - 2 : Frames,
                Class = $"c{c}",
            };
        })];
    }

    public static VisEegLstmTrainerOptions Vis(Action<VisEegLstmTrainerOptions>? change = null) => Small(new VisEegLstmTrainerOptions
    {
        ConvolutionChannels = (2, 4), CoreHidden = 12, MaxGlimpses = 4,
    }, change);

    public static HierarchicalLstmTrainerOptions Hierarchical(Action<HierarchicalLstmTrainerOptions>? change = null) => Small(new HierarchicalLstmTrainerOptions
    {
        BandHidden = 12, CoreHidden = 8, AttentionSize = 4, Layers = 2, MaxGlimpses = 5,
    }, change);

    /// <summary>A pipeline from the rows' class to the trainer.</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ctx, IEstimator<ITransformer> trainer) =>
        ctx.Transforms.Conversion.MapValueToKey("Label", "Class").Append(trainer);

    private static T Small<T>(T options, Action<T>? change) where T : GlimpseTrainerOptions
    {
        options.BandFeatures = 6;
        options.Features = 6;
        options.GlimpseHidden = 6;
        options.Epochs = 2;
        options.BatchSize = 4;
        options.SampledSequences = 2;
        options.ValidationFraction = 0;
        options.LengthColumnName = "Length";
        options.Seed = 5;
        change?.Invoke(options);
        return options;
    }
}
