using MlNetEmotion.Models.Training;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>The loss a face-sequence regressor trains with.</summary>
public enum FaceSequenceLoss
{
    /// <summary>Mean squared error over the valid frames.</summary>
    MeanSquaredError,

    /// <summary>1 − CCC (<see cref="ConcordanceLoss"/>) over the valid frames of the batch, averaged over the targets.</summary>
    Concordance,
}

/// <summary>Settings every per-frame valence/arousal trainer of paper 001 shares (<c>ConvLstm</c>, <c>CnnLstm</c>,
/// <c>CnnGru</c> on <c>mlContext.Regression.Trainers</c>): one feature column of per-frame CNN feature maps
/// <c>[T, C, H, W]</c> (padded to T frames, with <see cref="NeuralTrainerOptions.LengthColumnName"/> giving each row's
/// valid frames), a <c>[T, targets]</c> label in [−1, 1], the loss, and every <see cref="NeuralTrainerOptions"/>
/// setting. Defaults differ from the base: learning rate 1e-4 and early stopping on "ConcordanceCorrelation".</summary>
public abstract class FaceSequenceOptions : NeuralTrainerOptions
{
    /// <summary>Sets the paper's defaults (learning rate 1e-4, early stopping on the concordance correlation).</summary>
    protected FaceSequenceOptions()
    {
        LearningRate = 1e-4;
        EarlyStoppingMetric = "ConcordanceCorrelation";
    }

    /// <summary>The training loss. Default <see cref="FaceSequenceLoss.MeanSquaredError"/> (the paper's).</summary>
    public FaceSequenceLoss Loss { get; set; } = FaceSequenceLoss.MeanSquaredError;

    /// <summary>Max-pooling window and stride applied to each frame's maps before the fully connected or recurrent
    /// layers. Default 4 (the paper's).</summary>
    public int Pool { get; set; } = 4;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (FeatureColumnNames.Length != 1)
            throw new ArgumentOutOfRangeException(nameof(FeatureColumnNames), "A face-sequence regressor reads exactly one feature-map column [T, C, H, W].");
        if (Pool < 1) throw new ArgumentOutOfRangeException(nameof(Pool), Pool, "Pool must be at least 1.");
        if (!Enum.IsDefined(Loss)) throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "Unknown loss.");
    }
}

/// <summary>Settings of <c>mlContext.Regression.Trainers.ConvLstm</c>: the <see cref="ConvLstmRegressor"/> sizes on top of
/// <see cref="FaceSequenceOptions"/>.</summary>
public sealed class ConvLstmOptions : FaceSequenceOptions
{
    /// <summary>Hidden channels per ConvLSTM layer. Default 32, 16, 8 (the paper's).</summary>
    public int[] Filters { get; set; } = [32, 16, 8];

    /// <summary>Square kernel size of every ConvLSTM layer. Default 7 (the paper's).</summary>
    public int KernelSize { get; set; } = 7;

    /// <summary>Width of the hidden fully connected layer (the paper gives no size). Default 64.</summary>
    public int HiddenUnits { get; set; } = 64;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (Filters is not { Length: > 0 } || Filters.Any(f => f < 1)) throw new ArgumentOutOfRangeException(nameof(Filters), "Filters must be one or more positive counts.");
        if (KernelSize < 1 || KernelSize % 2 == 0) throw new ArgumentOutOfRangeException(nameof(KernelSize), KernelSize, "KernelSize must be odd and positive (\"same\" padding).");
        if (HiddenUnits < 1) throw new ArgumentOutOfRangeException(nameof(HiddenUnits), HiddenUnits, "HiddenUnits must be positive.");
    }
}

/// <summary>Settings of the recurrent baselines <c>mlContext.Regression.Trainers.CnnLstm</c> and <c>.CnnGru</c>: the
/// recurrent sizes on top of <see cref="FaceSequenceOptions"/>.</summary>
public sealed class RecurrentBaselineOptions : FaceSequenceOptions
{
    /// <summary>Hidden size of each recurrent layer. Default 128.</summary>
    public int HiddenSize { get; set; } = 128;

    /// <summary>Recurrent layers. Default 2 (the paper's).</summary>
    public int Layers { get; set; } = 2;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (HiddenSize < 1) throw new ArgumentOutOfRangeException(nameof(HiddenSize), HiddenSize, "HiddenSize must be positive.");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "Layers must be at least 1.");
    }
}
