namespace MlNetEmotion.Models.GlimpseTraining;

/// <summary>Settings of <c>mlContext.MulticlassClassification.Trainers.HierarchicalLstm</c> (Wu et al., IEEE Access 2020):
/// the shared glimpse settings with the paper's N_max = 40 and dropout 0.6, plus L, the layer attention and its penalty.</summary>
public sealed class HierarchicalLstmTrainerOptions : GlimpseTrainerOptions
{
    /// <summary>Creates the options with the paper's values (N_max 40, dropout 0.6, L 3, λ 1, mini-batch 12, Adam).</summary>
    public HierarchicalLstmTrainerOptions() : base(maxGlimpses: 40, dropout: 0.6)
    {
    }

    /// <summary>L, the stacked LSTM's layers (3 was best in the paper). Default 3.</summary>
    public int Layers { get; set; } = 3;

    /// <summary>Self-attention across the layers (eq. 3–7); false for the ablation "without layer attention", where every
    /// layer weighs 1/L (the attention's context vectors v are held at zero). Default true.</summary>
    public bool LayerAttention { get; set; } = true;

    /// <summary>The diversity penalty P of eq. 8–10 in the loss CE − λP; false for the ablation "without penalty". Default true.</summary>
    public bool Penalty { get; set; } = true;

    /// <summary>λ, the weight of P (eq. 10). Default 1.</summary>
    public double Lambda { get; set; } = Attention.LayerAttentionPenalty.DefaultWeight;

    /// <summary>Width of the band FC network's hidden layer. Default 128.</summary>
    public int BandHidden { get; set; } = 128;

    /// <summary>r, the hidden size of every stacked layer. Default 64.</summary>
    public int CoreHidden { get; set; } = 64;

    /// <summary>d_a, the layer attention's hidden size. Default 32.</summary>
    public int AttentionSize { get; set; } = 32;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "L must be at least 1.");
        if (Lambda < 0) throw new ArgumentOutOfRangeException(nameof(Lambda), Lambda, "λ must be non-negative.");
        if (BandHidden < 1 || CoreHidden < 1 || AttentionSize < 1) throw new ArgumentOutOfRangeException(nameof(CoreHidden), "Layer sizes must be positive.");
    }
}
