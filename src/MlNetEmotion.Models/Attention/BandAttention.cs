using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Attention;

/// <summary>
/// Spatial band attention of Liu et al. (vis-EEG-LSTM, eq. 1–2) and Wu et al. (IEEE Access 2020, eq. 1–2):
/// θ_i = softmax_i(W_h,i · h_(n−1) + b_i) over the EEG bands from the previous recurrent hidden state,
/// e′_n = Σ_i θ_i · e_i,n, then a fully connected layer with ReLU gives x_e,n.
/// </summary>
/// <remarks>Parameters: <c>score</c> (Linear hidden → bands, the rows are W_h,i and b_i) and <c>projection</c>
/// (Linear band features → output features). The papers name no activation for the FC layer; ReLU is this toolkit's choice.</remarks>
public sealed class BandAttention : Module<Tensor, Tensor, BandAttentionResult>
{
    private readonly Linear score;
    private readonly Linear projection;

    /// <summary>Creates the layer.</summary>
    /// <param name="bands">Number of EEG bands (3: θ, α, β).</param>
    /// <param name="bandFeatures">Size of each band feature e_i,n.</param>
    /// <param name="hiddenSize">Size of the previous hidden state h_(n−1).</param>
    /// <param name="outputFeatures">Size of x_e,n.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public BandAttention(int bands, int bandFeatures, int hiddenSize, int outputFeatures, Generator? generator = null)
        : base("BandAttention")
    {
        Bands = bands;
        score = torch.nn.Linear(hiddenSize, bands, generator: generator);
        projection = torch.nn.Linear(bandFeatures, outputFeatures, generator: generator);
        register_module("score", score);
        register_module("projection", projection);
    }

    /// <summary>Number of bands.</summary>
    public int Bands { get; }

    /// <summary>Weights the bands.</summary>
    /// <param name="input1">Band features e_i,n, <c>[B, bands, bandFeatures]</c>.</param>
    /// <param name="input2">Previous hidden state h_(n−1), <c>[B, hiddenSize]</c>.</param>
    /// <returns>x_e,n <c>[B, outputFeatures]</c> and the weights θ <c>[B, bands]</c>.</returns>
    public override BandAttentionResult forward(Tensor input1, Tensor input2)
    {
        var theta = score.forward(input2).softmax(1);                          // eq. 2
        var weighted = theta.unsqueeze(2).mul(input1).sum(1);                 // eq. 1
        return new BandAttentionResult(projection.forward(weighted).relu(), theta);
    }
}

/// <summary>Output of <see cref="BandAttention"/>.</summary>
/// <param name="Features">x_e,n, <c>[B, outputFeatures]</c>.</param>
/// <param name="Weights">Band weights θ_n, <c>[B, bands]</c>, each row summing to 1.</param>
public sealed record BandAttentionResult(Tensor Features, Tensor Weights);
