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
public sealed class CnnGruRegressor : Module<Tensor, Tensor>
{
    /// <summary>Creates the baseline.</summary>
    /// <param name="in_channels">Channels of each frame's feature maps.</param>
    /// <param name="height">Height of the feature maps.</param>
    /// <param name="width">Width of the feature maps.</param>
    /// <param name="hidden_size">GRU hidden size.</param>
    /// <param name="num_layers">GRU layers (two, as the CNN-LSTM baseline).</param>
    /// <param name="pool">Max-pooling window and stride applied to the feature maps.</param>
    /// <param name="outputs">Outputs per frame (2: valence, arousal).</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public CnnGruRegressor(long in_channels, long height, long width, long hidden_size = 128, long num_layers = 2, long pool = 4,
        long outputs = 2, Generator? generator = null) : base("CnnGruRegressor")
    {
        this.pool = torch.nn.MaxPool2d(pool);
        long features = in_channels * (height / pool) * (width / pool);
        if (features < 1)
            throw new ArgumentOutOfRangeException(nameof(pool), $"CnnGruRegressor: a {pool}×{pool} pooling of {height}×{width} maps leaves nothing.");
        gru = torch.nn.GRU(features, hidden_size, num_layers, batch_first: true, generator: generator);
        fc = torch.nn.Linear(hidden_size, outputs, generator: generator);
        register_module("pool", this.pool);
        register_module("gru", gru);
        register_module("fc", fc);
    }

    /// <summary>The per-frame max pooling.</summary>
    public MaxPool2d pool { get; }

    /// <summary>The two-layer GRU over the pooled features.</summary>
    public GRU gru { get; }

    /// <summary>Output layer (before tanh).</summary>
    public Linear fc { get; }

    /// <summary>Predicts every frame.</summary>
    /// <param name="input">Feature maps <c>[B, T, in_channels, height, width]</c>.</param>
    /// <returns>(valence, arousal) per frame, <c>[B, T, outputs]</c>, in [−1, 1].</returns>
    public override Tensor forward(Tensor input)
    {
        long batch = input.size(0), steps = input.size(1);
        var features = pool.forward(input.flatten(0, 1)).reshape(batch, steps, -1);
        var (output, _) = gru.forward(features);
        return fc.forward(output).tanh();
    }
}
