namespace MlNetEmotion.Models.Mlp;

/// <summary><c>ctx.MulticlassClassification.Trainers.Mlp(...)</c> and <c>ctx.Regression.Trainers.Mlp(...)</c>.</summary>
public static class MlpCatalogExtensions
{
    /// <summary>A multilayer-perceptron classifier on a feature vector and a key label.</summary>
    public static MlpMulticlassTrainer Mlp(this MulticlassClassificationTrainers trainers, MlpOptions options) =>
        new(trainers.Context, options);

    /// <summary>A multilayer-perceptron classifier with the common settings as arguments.</summary>
    public static MlpMulticlassTrainer Mlp(this MulticlassClassificationTrainers trainers, string labelColumnName = DefaultColumnNames.Label,
        string featureColumnName = DefaultColumnNames.Features, int[]? hiddenSizes = null, int epochs = 100, double learningRate = 1e-3) =>
        new(trainers.Context, new MlpOptions
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName,
            HiddenSizes = hiddenSizes ?? [64], Epochs = epochs, LearningRate = learningRate,
        });

    /// <summary>A multilayer-perceptron regressor on a feature vector and a Single or Single-vector label.</summary>
    public static MlpRegressionTrainer Mlp(this RegressionTrainers trainers, MlpRegressionOptions? options = null) =>
        new(trainers.Context, options ?? new MlpRegressionOptions());
}
