using MlNetEmotion.Evaluation;
using MlNetEmotion.Splitting;
using MlNetEmotion.Training;

namespace MlNetEmotion;

/// <summary>Cross-validation with the papers' protocols on ML.NET's catalogs: any splitter (group k-fold by subject,
/// leave-one-subject-out, 5:1:1 by subject, per-subject stratified 70/30, ...) over any estimator chain, ML.NET's
/// trainers and this toolkit's alike. Each fold fits the whole chain on its training rows only.</summary>
public static class CrossValidationExtensions
{
    /// <summary>Cross-validates a classifier chain with <paramref name="splitter"/>.</summary>
    /// <param name="catalog"><c>mlContext.MulticlassClassification</c>.</param>
    /// <param name="data">Input rows (before the chain).</param>
    /// <param name="estimator">The chain, ending in a trainer.</param>
    /// <param name="splitter">How rows are split into folds.</param>
    /// <param name="labelColumnName">Key label column of the scored rows. Default "Label".</param>
    /// <param name="stratificationColumnName">Input column of classes, for splitters that stratify.</param>
    /// <param name="samplingKeyColumnName">Input column of groups (e.g. "Subject"), for splitters that group.</param>
    /// <returns>Per-fold metrics, models and scored hold-out sets; mean ± sd of each metric; the pooled metrics and
    /// confusion matrix of all held-out rows.</returns>
    public static CrossValidationSummary<ExtendedMulticlassMetrics> CrossValidate(this MulticlassClassificationCatalog catalog, IDataView data,
        IEstimator<ITransformer> estimator, DataSplitter splitter, string labelColumnName = "Label", string? stratificationColumnName = null,
        string? samplingKeyColumnName = null) =>
        CrossValidator.Run(CatalogEnvironment.Of(catalog), data, estimator, splitter, stratificationColumnName, samplingKeyColumnName,
            [labelColumnName, "Score", "PredictedLabel"], scored => catalog.EvaluateExtended(scored, labelColumnName), m => m.ToDictionary());

    /// <summary>Cross-validates a regressor chain with <paramref name="splitter"/>.</summary>
    /// <param name="catalog"><c>mlContext.Regression</c>.</param>
    /// <param name="data">Input rows (before the chain).</param>
    /// <param name="estimator">The chain, ending in a trainer.</param>
    /// <param name="splitter">How rows are split into folds.</param>
    /// <param name="labelColumnName">Label column of the scored rows. Default "Label".</param>
    /// <param name="samplingKeyColumnName">Input column of groups, for splitters that group.</param>
    /// <param name="stratificationColumnName">Input column of classes, for splitters that stratify.</param>
    public static CrossValidationSummary<ExtendedRegressionMetrics> CrossValidate(this RegressionCatalog catalog, IDataView data,
        IEstimator<ITransformer> estimator, DataSplitter splitter, string labelColumnName = "Label", string? samplingKeyColumnName = null,
        string? stratificationColumnName = null) =>
        CrossValidator.Run(CatalogEnvironment.Of(catalog), data, estimator, splitter, stratificationColumnName, samplingKeyColumnName,
            [labelColumnName, "Score"], scored => catalog.EvaluateExtended(scored, labelColumnName), m => m.ToDictionary());
}
