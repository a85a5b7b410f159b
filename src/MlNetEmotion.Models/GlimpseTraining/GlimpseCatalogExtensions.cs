namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary><c>mlContext.MulticlassClassification.Trainers.VisEegLstm(...)</c> and <c>.HierarchicalLstm(...)</c>.</summary>
public static class GlimpseCatalogExtensions
{
    /// <summary>The vis-EEG-LSTM of Liu et al. on a topomap-sequence column and a per-frame face-feature column.</summary>
    /// <param name="trainers"><c>mlContext.MulticlassClassification.Trainers</c>.</param>
    /// <param name="options">The options; null for the paper's defaults.</param>
    public static VisEegLstmTrainer VisEegLstm(this MulticlassClassificationCatalog.MulticlassClassificationTrainers trainers, VisEegLstmTrainerOptions? options = null) =>
        new(CatalogEnvironment.Of(trainers), options ?? new VisEegLstmTrainerOptions());

    /// <summary>The hierarchical LSTM with layer attention of Wu et al. on a topomap-sequence column and a per-frame face-feature column.</summary>
    /// <param name="trainers"><c>mlContext.MulticlassClassification.Trainers</c>.</param>
    /// <param name="options">The options; null for the paper's defaults.</param>
    public static HierarchicalLstmTrainer HierarchicalLstm(this MulticlassClassificationCatalog.MulticlassClassificationTrainers trainers, HierarchicalLstmTrainerOptions? options = null) =>
        new(CatalogEnvironment.Of(trainers), options ?? new HierarchicalLstmTrainerOptions());
}
