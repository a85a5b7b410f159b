using MlNetEmotion.Models.VideoEeg;

namespace MlNetEmotion.Models.HierarchicalLstm;

/// <summary>
/// Settings of the hierarchical LSTM network (Wu et al., IEEE Access 2020): the shared ones plus the band FC network,
/// the stack and the layer attention. Paper values: L = 3, dropout 0.6, N_max = 40 (section V.B–C).
/// </summary>
public sealed record HierarchicalLstmOptions : GlimpseNetworkOptions
{
    /// <summary>Creates the options with the paper's dropout (0.6) and N_max (40).</summary>
    public HierarchicalLstmOptions()
    {
        Dropout = 0.6;
        MaxGlimpses = 40;
    }

    /// <summary>Width of the band FC network's hidden layer.</summary>
    public int BandHidden { get; init; } = 128;

    /// <summary>L, the stacked LSTM's layers.</summary>
    public int Layers { get; init; } = 3;

    /// <summary>r, the hidden size of every stacked layer.</summary>
    public int CoreHidden { get; init; } = 64;

    /// <summary>d_a, the layer attention's hidden size.</summary>
    public int AttentionSize { get; init; } = 32;
}
