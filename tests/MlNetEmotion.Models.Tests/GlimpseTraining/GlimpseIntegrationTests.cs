using MlNetEmotion.Models.GlimpseTraining;
using MlNetEmotion.Models.Mlp;

namespace MlNetEmotion.Models.Tests.GlimpseTraining;

/// <summary>Every model and ablation trained for two epochs on the same tiny trials in one ML.NET chain, then scored.</summary>
public class GlimpseIntegrationTests
{
    public static TheoryData<string> Models =>
    [
        "mlp", "vis", "vis-no-band-attention", "vis-no-temporal-attention", "vis-face-only", "vis-eeg-only", "vis-learned-sigma",
        "hierarchical", "hierarchical-no-layer-attention", "hierarchical-no-penalty", "hierarchical-one-layer", "hierarchical-no-attention",
    ];

    private static IEstimator<ITransformer> Trainer(MLContext ctx, string model)
    {
        var t = ctx.MulticlassClassification.Trainers;
        return model switch
        {
            "mlp" => ctx.Transforms.Concatenate("Features", "Topomaps", "Faces")
                .Append(t.Mlp(new MlpOptions { HiddenSizes = [8], Epochs = 2, ValidationFraction = 0, Seed = 5 })),
            "vis" => t.VisEegLstm(GlimpseRows.Vis()),
            "vis-no-band-attention" => t.VisEegLstm(GlimpseRows.Vis(o => o.BandAttention = false)),
            "vis-no-temporal-attention" => t.VisEegLstm(GlimpseRows.Vis(o => o.TemporalAttention = false)),
            "vis-face-only" => t.VisEegLstm(GlimpseRows.Vis(o => o.Modalities = GlimpseModalities.FaceOnly)),
            "vis-eeg-only" => t.VisEegLstm(GlimpseRows.Vis(o => o.Modalities = GlimpseModalities.EegOnly)),
            "vis-learned-sigma" => t.VisEegLstm(GlimpseRows.Vis(o => { o.LearnLocationStandardDeviation = true; o.ValidationFraction = 0.25; })),
            "hierarchical" => t.HierarchicalLstm(GlimpseRows.Hierarchical()),
            "hierarchical-no-layer-attention" => t.HierarchicalLstm(GlimpseRows.Hierarchical(o => o.LayerAttention = false)),
            "hierarchical-no-penalty" => t.HierarchicalLstm(GlimpseRows.Hierarchical(o => o.Penalty = false)),
            "hierarchical-one-layer" => t.HierarchicalLstm(GlimpseRows.Hierarchical(o => o.Layers = 1)),
            _ => t.HierarchicalLstm(GlimpseRows.Hierarchical(o => { o.BandAttention = false; o.TemporalAttention = false; })),
        };
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_model_trains_and_scores_in_a_chain(string model)
    {
        var ctx = new MLContext(6);
        var data = ctx.Data.LoadFromEnumerable(GlimpseRows.Make());
        var scored = GlimpseRows.Pipeline(ctx, Trainer(ctx, model)).Fit(data).Transform(data);
        var metrics = ctx.MulticlassClassification.Evaluate(scored);
        Assert.InRange(metrics.MicroAccuracy, 0, 1);
        Assert.All(scored.GetColumn<float[]>("Score"), s => Assert.All(s, p => Assert.True(float.IsFinite(p))));
        if (model.Contains("no-band-attention") || model == "hierarchical-no-attention")
            Assert.All(scored.GetColumn<float[]>("BandAttention"), w => Assert.All(w.Where(x => x != 0), x => Assert.Equal(1f / 3, x, 6)));
        if (model.Contains("no-temporal-attention") || model == "hierarchical-no-attention")
            Assert.All(scored.GetColumn<float[]>("FramesRead").Zip(scored.GetColumn<int>("Length")),
                r => Assert.Equal(r.Second - 1, r.First.Where(f => f >= 0).Max()));
        if (model == "hierarchical-no-layer-attention")
            Assert.All(scored.GetColumn<float[]>("LayerAttention"), w => Assert.All(w.Where(x => x != 0), x => Assert.Equal(0.5f, x, 6)));
    }
}
