using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>
/// Paper 001's CNN-LSTM baseline (Mi et al.; SEEDS.md 001 step 6): the same per-frame CNN feature maps, max-pooled and
/// flattened per frame, into a two-layer LSTM; a fully connected layer and tanh give (valence, arousal) per frame.
/// </summary>
/// <remarks>
/// <c>x_t = flatten(maxpool_p(F_t))</c>, <c>(h¹_t, h²_t) = LSTM₂(x_1..x_t)</c> (PyTorch gate equations, gate order
/// i, f, g, o), <c>y_t = tanh(fc(h²_t))</c>. Parameter names follow PyTorch (<c>lstm.weight_ih_l0</c>, …, <c>fc.weight</c>).
/// </remarks>
public sealed class CnnLstmRegressor : PooledRecurrentRegressor<LSTM>
{
    /// <summary>Creates the baseline.</summary>
    /// <param name="in_channels">Channels of each frame's feature maps.</param>
    /// <param name="height">Height of the feature maps.</param>
    /// <param name="width">Width of the feature maps.</param>
    /// <param name="hidden_size">LSTM hidden size.</param>
    /// <param name="num_layers">LSTM layers (paper: 2).</param>
    /// <param name="pool">Max-pooling window and stride applied to the feature maps.</param>
    /// <param name="outputs">Outputs per frame (2: valence, arousal).</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public CnnLstmRegressor(long in_channels, long height, long width, long hidden_size = 128, long num_layers = 2, long pool = 4,
        long outputs = 2, Generator? generator = null)
        : base("CnnLstmRegressor", "lstm", in_channels, height, width, hidden_size, pool, outputs, generator,
            features => torch.nn.LSTM(features, hidden_size, num_layers, batch_first: true, generator: generator))
    {
    }

    /// <summary>The two-layer LSTM over the pooled features.</summary>
    public LSTM lstm => Recurrent;

    /// <inheritdoc />
    protected override Tensor RunRecurrent(Tensor features)
    {
        var (output, _, _) = lstm.forward(features);
        return output;
    }
}
