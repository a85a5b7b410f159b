using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>
/// Paper 001's network (Mi et al.; SEEDS.md 001 step 3): the <see cref="ConvLstmEncoder"/> (three peephole ConvLSTM layers,
/// eq. 6–10, 7×7 kernels, 32 / 16 / 8 filters, "same" padding) over per-frame CNN feature maps, then per frame a 4×4 max
/// pooling, fully connected layers and tanh giving (valence, arousal) in [−1, 1].
/// </summary>
/// <remarks>
/// Per frame t: <c>y_t = tanh(fc2(relu(fc1(flatten(maxpool₄(H³_t))))))</c>, with H³_t the last ConvLSTM layer's hidden
/// state. The paper names "fully connected layers" without sizes; this uses one hidden layer of
/// <c>hidden_units</c> with ReLU. Train with <see cref="ConcordanceLoss"/> (1 − CCC) or MSE, as in the paper.
/// </remarks>
public sealed class ConvLstmRegressor : Module<Tensor, Tensor>
{
    /// <summary>Creates the network.</summary>
    /// <param name="in_channels">Channels of each frame's feature maps (e.g. 512 for VGG-19 without its FC layers).</param>
    /// <param name="height">Height of the feature maps.</param>
    /// <param name="width">Width of the feature maps.</param>
    /// <param name="filters">Hidden channels per ConvLSTM layer (paper: 32, 16, 8).</param>
    /// <param name="kernel_size">ConvLSTM kernel size (paper: 7).</param>
    /// <param name="pool">Max-pooling window and stride (paper: 4).</param>
    /// <param name="hidden_units">Width of the hidden fully connected layer.</param>
    /// <param name="outputs">Outputs per frame (2: valence, arousal).</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public ConvLstmRegressor(long in_channels, long height, long width, long[]? filters = null, long kernel_size = 7, long pool = 4,
        long hidden_units = 64, long outputs = 2, Generator? generator = null) : base("ConvLstmRegressor")
    {
        encoder = new ConvLstmEncoder(in_channels, height, width, filters, kernel_size, generator);
        this.pool = torch.nn.MaxPool2d(pool);
        long pooledHeight = height / pool, pooledWidth = width / pool;
        if (pooledHeight < 1 || pooledWidth < 1)
            throw new ArgumentOutOfRangeException(nameof(pool), $"ConvLstmRegressor: a {pool}×{pool} pooling of {height}×{width} maps leaves nothing.");
        fc1 = torch.nn.Linear(encoder.out_channels * pooledHeight * pooledWidth, hidden_units, generator: generator);
        fc2 = torch.nn.Linear(hidden_units, outputs, generator: generator);
        register_module("encoder", encoder);
        register_module("pool", this.pool);
        register_module("fc1", fc1);
        register_module("fc2", fc2);
    }

    /// <summary>The three ConvLSTM layers.</summary>
    public ConvLstmEncoder encoder { get; }

    /// <summary>The per-frame max pooling.</summary>
    public MaxPool2d pool { get; }

    /// <summary>Hidden fully connected layer.</summary>
    public Linear fc1 { get; }

    /// <summary>Output layer (before tanh).</summary>
    public Linear fc2 { get; }

    /// <summary>Predicts every frame.</summary>
    /// <param name="input">Feature maps <c>[B, T, in_channels, height, width]</c>.</param>
    /// <returns>(valence, arousal) per frame, <c>[B, T, outputs]</c>, in [−1, 1].</returns>
    public override Tensor forward(Tensor input)
    {
        var states = encoder.forward(input);                                   // [B, T, F, H, W]
        long batch = states.size(0), steps = states.size(1);
        var pooled = pool.forward(states.flatten(0, 1)).flatten(1);             // [B·T, F·H/p·W/p]
        var y = fc2.forward(fc1.forward(pooled).relu()).tanh();
        return y.reshape(batch, steps, y.size(1));
    }
}
