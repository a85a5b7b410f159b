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
public sealed class CnnLstmRegressor : Module<Tensor, Tensor>
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
        long outputs = 2, Generator? generator = null) : base("CnnLstmRegressor")
    {
        this.pool = torch.nn.MaxPool2d(pool);
        long features = in_channels * (height / pool) * (width / pool);
        if (features < 1)
            throw new ArgumentOutOfRangeException(nameof(pool), $"CnnLstmRegressor: a {pool}×{pool} pooling of {height}×{width} maps leaves nothing.");
        lstm = torch.nn.LSTM(features, hidden_size, num_layers, batch_first: true, generator: generator);
        fc = torch.nn.Linear(hidden_size, outputs, generator: generator);
        register_module("pool", this.pool);
        register_module("lstm", lstm);
        register_module("fc", fc);
    }

    /// <summary>The per-frame max pooling.</summary>
    public MaxPool2d pool { get; }

    /// <summary>The two-layer LSTM over the pooled features.</summary>
    public LSTM lstm { get; }

    /// <summary>Output layer (before tanh).</summary>
    public Linear fc { get; }

    /// <summary>Predicts every frame.</summary>
    /// <param name="input">Feature maps <c>[B, T, in_channels, height, width]</c>.</param>
    /// <returns>(valence, arousal) per frame, <c>[B, T, outputs]</c>, in [−1, 1].</returns>
    public override Tensor forward(Tensor input)
    {
        long batch = input.size(0), steps = input.size(1);
        var features = pool.forward(input.flatten(0, 1)).reshape(batch, steps, -1);
        var (output, _, _) = lstm.forward(features);
        return fc.forward(output).tanh();
    }
}
