namespace MlNetEmotion.Models.Training;

/// <summary>What a neural trainer learns, which fixes its label type, default loss and output columns.</summary>
public enum NeuralTask
{
    /// <summary>A key label; cross-entropy; outputs Score (class probabilities) and PredictedLabel.</summary>
    MulticlassClassification,

    /// <summary>A Single or known-size Single-vector label (one value per target); MSE; outputs Score of the same shape.</summary>
    Regression,

    /// <summary>A Single vector of per-step targets <c>[steps × targets]</c> padded to a stated length, with a length
    /// column; MSE over the valid steps only; outputs Score <c>[steps, targets]</c>.</summary>
    SequenceRegression,
}
