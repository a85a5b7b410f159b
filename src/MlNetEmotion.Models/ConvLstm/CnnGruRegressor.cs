using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>
/// Paper 001's CNN-GRU baseline (Mi et al.; SEEDS.md 001 step 6): the same per-frame CNN feature maps, max-pooled and
/// flattened per frame, into a two-layer GRU; a fully connected layer and tanh give (valence, arousal) per frame.
/// </summary>
/// <remarks>
/// <c>x_t = flatten(maxpool_p(F_t))</c>, <c>(h¹_t, h²_t) = GRU₂(x_1..x_t)</c> (PyTorch gate equations, gate order
/// r, z, n), <c>y_t = tanh(fc(h²_t))</c>. Parameter names follow PyTorch (<c>gru.weight_ih_l0</c>, …, <c>fc.weight</c>).
/// </remarks>
public sealed class CnnGruRegressor : PooledRecurrentRegressor<GRU>
{
    /// <summary>Creates the baseline.</summary>
    /// <param name="in_channels">Channels of each frame's feature maps.</param>
    /// <param name="height">Height of the feature maps.</param>
    /// <param name="width">Width of the feature maps.</param>
    /// <param name="hidden_size">GRU hidden size.</param>
    /// <param name="num_layers">GRU layers (paper: 2).</param>
    /// <param name="pool">Max-pooling window and stride applied to the feature maps.</param>
    /// <param name="outputs">Outputs per frame (2: valence, arousal).</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public CnnGruRegressor(long in_channels, long height, long width, long hidden_size = 128, long num_layers = 2, long pool = 4,
        long outputs = 2, Generator? generator = null)
        : base("CnnGruRegressor", "gru", in_channels, height, width, hidden_size, pool, outputs, generator,
            features => torch.nn.GRU(features, hidden_size, num_layers, batch_first: true, generator: generator))
    {
    }

    /// <summary>The two-layer GRU over the pooled features.</summary>
    public GRU gru => Recurrent;

    /// <inheritdoc />
    protected override Tensor RunRecurrent(Tensor features)
    {
        var (output, _) = gru.forward(features);
        return output;
    }
}
