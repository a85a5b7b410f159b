namespace MlNetEmotion.Models.Mlp;

/// <summary>Hidden-layer non-linearity of an <see cref="MlpNetwork"/>.</summary>
public enum MlpActivation
{
    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>tanh(x).</summary>
    Tanh,
}

/// <summary>Settings of the multilayer-perceptron trainers (<c>mlContext.MulticlassClassification.Trainers.Mlp</c> and
/// <c>mlContext.Regression.Trainers.Mlp</c>): the network's layers on top of every <see cref="Training.NeuralTrainerOptions"/>
/// setting (Adam mini-batches, early stopping on a held-back fraction of the training rows, checkpoints, ...).</summary>
public class MlpOptions : Training.NeuralTrainerOptions
{
    /// <summary>Sizes of the hidden layers. Default one layer of 64.</summary>
    public int[] HiddenSizes { get; set; } = [64];

    /// <summary>Hidden non-linearity. Default ReLU.</summary>
    public MlpActivation Activation { get; set; } = MlpActivation.ReLU;

    /// <summary>Dropout probability after each hidden layer while training. Default 0.</summary>
    public double Dropout { get; set; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (HiddenSizes is null || HiddenSizes.Any(h => h < 1)) throw new ArgumentOutOfRangeException(nameof(HiddenSizes), "Hidden sizes must be positive.");
        if (Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
    }
}

/// <summary>Settings of the regression MLP: those of <see cref="MlpOptions"/> plus an output squashing.</summary>
public sealed class MlpRegressionOptions : MlpOptions
{
    /// <summary>Apply tanh to the outputs, for targets in [-1, 1] such as continuous valence/arousal (paper 001). Default false.</summary>
    public bool TanhOutput { get; set; }
}
