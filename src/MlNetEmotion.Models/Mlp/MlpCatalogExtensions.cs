namespace MlNetEmotion.Models.Mlp;

/// <summary><c>mlContext.MulticlassClassification.Trainers.Mlp(...)</c> and <c>mlContext.Regression.Trainers.Mlp(...)</c>.</summary>
public static class MlpCatalogExtensions
{
    /// <summary>A multilayer-perceptron classifier on one or more feature columns and a key label.</summary>
    /// <param name="trainers"><c>mlContext.MulticlassClassification.Trainers</c>.</param>
    /// <param name="options">The options.</param>
    public static MlpMulticlassTrainer Mlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers trainers, MlpOptions options) =>
        new(CatalogEnvironment.Of(trainers), options);

    /// <summary>A multilayer-perceptron classifier with the common settings as arguments.</summary>
    /// <param name="trainers"><c>mlContext.MulticlassClassification.Trainers</c>.</param>
    /// <param name="labelColumnName">Key label column. Default "Label".</param>
    /// <param name="featureColumnName">Feature column. Default "Features".</param>
    /// <param name="hiddenSizes">Hidden layer sizes. Default one layer of 64.</param>
    /// <param name="epochs">Maximum epochs. Default 100.</param>
    /// <param name="learningRate">Adam learning rate. Default 1e-3.</param>
    public static MlpMulticlassTrainer Mlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers trainers, string labelColumnName = "Label",
        string featureColumnName = "Features", int[]? hiddenSizes = null, int epochs = 100, double learningRate = 1e-3) =>
        new(CatalogEnvironment.Of(trainers), new MlpOptions
        {
            LabelColumnName = labelColumnName, FeatureColumnNames = [featureColumnName],
            HiddenSizes = hiddenSizes ?? [64], Epochs = epochs, LearningRate = learningRate,
        });

    /// <summary>A multilayer-perceptron regressor on one or more feature columns and a Single or Single-vector label.</summary>
    /// <param name="trainers"><c>mlContext.Regression.Trainers</c>.</param>
    /// <param name="options">The options; null for defaults.</param>
    public static MlpRegressionTrainer Mlp(this RegressionCatalog.RegressionTrainers trainers, MlpRegressionOptions? options = null) =>
        new(CatalogEnvironment.Of(trainers), options ?? new MlpRegressionOptions());
}
