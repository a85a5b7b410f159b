using MlNetEmotion.Models.GlimpseTraining;

namespace MlNetEmotion.Models.Tests.GlimpseTraining;

public class GlimpseLearningTests
{
    [Theory]
    [InlineData("vis")]
    [InlineData("hierarchical")]
    public void Trainer_fits_trials_whose_class_shows_in_every_frame(string model)
    {
        var ctx = new MLContext(8);
        var data = ctx.Data.LoadFromEnumerable(GlimpseRows.Make(count: 18, seed: 2));
        var t = ctx.MulticlassClassification.Trainers;
        IEstimator<ITransformer> trainer = model == "vis"
            ? t.VisEegLstm(GlimpseRows.Vis(o => { o.Epochs = 25; o.LearningRate = 0.01; o.Dropout = 0; }))
            : t.HierarchicalLstm(GlimpseRows.Hierarchical(o => { o.Epochs = 25; o.LearningRate = 0.01; o.Dropout = 0; }));
        var fitted = GlimpseRows.Pipeline(ctx, trainer).Fit(data);
        var accuracy = ctx.MulticlassClassification.Evaluate(fitted.Transform(data)).MicroAccuracy;
        Assert.True(accuracy > 0.8, $"training accuracy {accuracy} (chance 0.33)");
    }
}
