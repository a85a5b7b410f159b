namespace MlNetEmotion.Models.Mlp;

/// <summary>Hidden-layer non-linearity of an <see cref="MlpNetwork"/>.</summary>
public enum MlpActivation
{
    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>tanh(x).</summary>
    Tanh,
}

/// <summary>Settings of the multilayer-perceptron trainers (<c>ctx.MulticlassClassification.Trainers.Mlp</c> and
/// <c>ctx.Regression.Trainers.Mlp</c>). Training uses Adam on mini-batches with early stopping on a held-back
/// fraction of the training rows.</summary>
public class MlpOptions
{
    /// <summary>Feature column: Single or a known-size Single vector. Default "Features".</summary>
    public string FeatureColumnName { get; set; } = DefaultColumnNames.Features;

    /// <summary>Label column: a key for classification; Single or a Single vector for regression. Default "Label".</summary>
    public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

    /// <summary>Sizes of the hidden layers. Default one layer of 64.</summary>
    public int[] HiddenSizes { get; set; } = [64];

    /// <summary>Hidden non-linearity. Default ReLU.</summary>
    public MlpActivation Activation { get; set; } = MlpActivation.ReLU;

    /// <summary>Dropout probability after each hidden layer while training. Default 0.</summary>
    public double Dropout { get; set; }

    /// <summary>Maximum passes over the training rows. Default 100.</summary>
    public int Epochs { get; set; } = 100;

    /// <summary>Rows per mini-batch. Default 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Adam learning rate. Default 1e-3.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Adam L2 weight decay. Default 0.</summary>
    public double WeightDecay { get; set; }

    /// <summary>Fraction of the training rows held back to choose the best epoch (0 trains on all rows for
    /// <see cref="Epochs"/> epochs). Default 0.1.</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Epochs without a lower validation loss before training stops (0 never stops early). Default 10.</summary>
    public int EarlyStoppingPatience { get; set; } = 10;

    /// <summary>Seed of initialisation, shuffling and dropout; null draws one from the context. Default null.</summary>
    public int? Seed { get; set; }

    internal void Validate()
    {
        if (HiddenSizes is null || HiddenSizes.Any(h => h < 1)) throw new ArgumentOutOfRangeException(nameof(HiddenSizes), "Hidden sizes must be positive.");
        if (Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be positive.");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay must be non-negative.");
        if (ValidationFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must be in [0, 1).");
        if (EarlyStoppingPatience < 0) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "EarlyStoppingPatience must be non-negative.");
    }
}

/// <summary>Settings of the regression MLP: those of <see cref="MlpOptions"/> plus an output squashing.</summary>
public sealed class MlpRegressionOptions : MlpOptions
{
    /// <summary>Apply tanh to the outputs, for targets in [-1, 1] such as continuous valence/arousal (paper 001). Default false.</summary>
    public bool TanhOutput { get; set; }
}
