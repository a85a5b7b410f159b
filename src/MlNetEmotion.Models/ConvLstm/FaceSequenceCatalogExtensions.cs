using MlNetEmotion.Models.Training;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary><c>mlContext.Regression.Trainers.ConvLstm(...)</c>, <c>.CnnLstm(...)</c> and <c>.CnnGru(...)</c>: paper 001's
/// per-frame valence/arousal regressors over a <c>[T, C, H, W]</c> feature-map column and a <c>[T, 2]</c> label.</summary>
public static class FaceSequenceCatalogExtensions
{
    /// <summary>The ConvLSTM regressor (paper 001's network).</summary>
    /// <param name="trainers"><c>mlContext.Regression.Trainers</c>.</param>
    /// <param name="options">The options; null for the paper's defaults.</param>
    public static ConvLstmTrainer ConvLstm(this RegressionCatalog.RegressionTrainers trainers, ConvLstmOptions? options = null) =>
        new(CatalogEnvironment.Of(trainers), options ?? new ConvLstmOptions());

    /// <summary>The CNN-LSTM baseline (two-layer LSTM over pooled, flattened maps).</summary>
    /// <param name="trainers"><c>mlContext.Regression.Trainers</c>.</param>
    /// <param name="options">The options; null for the defaults.</param>
    public static RecurrentBaselineTrainer CnnLstm(this RegressionCatalog.RegressionTrainers trainers, RecurrentBaselineOptions? options = null) =>
        new(CatalogEnvironment.Of(trainers), options ?? new RecurrentBaselineOptions(), FaceSequenceArchitecture.CnnLstm);

    /// <summary>The CNN-GRU baseline (two-layer GRU over pooled, flattened maps).</summary>
    /// <param name="trainers"><c>mlContext.Regression.Trainers</c>.</param>
    /// <param name="options">The options; null for the defaults.</param>
    public static RecurrentBaselineTrainer CnnGru(this RegressionCatalog.RegressionTrainers trainers, RecurrentBaselineOptions? options = null) =>
        new(CatalogEnvironment.Of(trainers), options ?? new RecurrentBaselineOptions(), FaceSequenceArchitecture.CnnGru);
}
