namespace MlNetEmotion.Models.Training;

/// <summary>One stage of staged training: some epochs with named sub-modules frozen (e.g. train a branch, then freeze
/// it and train the layer above, as the vis-EEG-LSTM paper does).</summary>
public sealed class TrainingStage
{
    /// <summary>Epochs in this stage. Default 10.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Names (prefixes of <c>named_parameters</c>, e.g. "encoder" or "lstm.0") whose parameters do not learn in
    /// this stage. Default none.</summary>
    public string[] FrozenModules { get; set; } = [];

    /// <summary>Learning rate of this stage; null keeps the options' rate. Default null.</summary>
    public double? LearningRate { get; set; }
}
