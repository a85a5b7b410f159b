using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.ConvLstm;

/// <summary>
/// What paper 001's two recurrent baselines share: each frame's CNN feature maps max-pooled and flattened, a recurrent
/// network over the frames (the subclass's), then a fully connected layer and tanh per frame. Modules are created and
/// registered in the order pool, recurrent network, <c>fc</c>, so initial weights and PyTorch parameter names stay those
/// of the twins.
/// </summary>
/// <typeparam name="TRecurrent">The recurrent module.</typeparam>
public abstract class PooledRecurrentRegressor<TRecurrent> : Module<Tensor, Tensor> where TRecurrent : Module
{
    /// <summary>Builds the pooling, the recurrent network (through <paramref name="recurrent"/>, given the pooled width)
    /// registered as <paramref name="recurrentName"/>, and the output layer.</summary>
    /// <param name="name">Module name, also used in messages.</param>
    /// <param name="recurrentName">PyTorch name of the recurrent module (<c>lstm</c>, <c>gru</c>).</param>
    /// <param name="in_channels">Channels of each frame's feature maps.</param>
    /// <param name="height">Height of the feature maps.</param>
    /// <param name="width">Width of the feature maps.</param>
    /// <param name="hidden_size">Recurrent hidden size.</param>
    /// <param name="pool">Max-pooling window and stride applied to the feature maps.</param>
    /// <param name="outputs">Outputs per frame (2: valence, arousal).</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    /// <param name="recurrent">Creates the recurrent network for a pooled feature width.</param>
    protected PooledRecurrentRegressor(string name, string recurrentName, long in_channels, long height, long width, long hidden_size, long pool,
        long outputs, Generator? generator, Func<long, TRecurrent> recurrent) : base(name)
    {
        this.pool = torch.nn.MaxPool2d(pool);
        long features = in_channels * (height / pool) * (width / pool);
        if (features < 1)
            throw new ArgumentOutOfRangeException(nameof(pool), $"{name}: a {pool}×{pool} pooling of {height}×{width} maps leaves nothing.");
        Recurrent = recurrent(features);
        fc = torch.nn.Linear(hidden_size, outputs, generator: generator);
        register_module("pool", this.pool);
        register_module(recurrentName, Recurrent);
        register_module("fc", fc);
    }

    /// <summary>The per-frame max pooling.</summary>
    public MaxPool2d pool { get; }

    /// <summary>Output layer (before tanh).</summary>
    public Linear fc { get; }

    /// <summary>The recurrent network over the pooled features.</summary>
    protected TRecurrent Recurrent { get; }

    /// <summary>The last layer's output at every frame, <c>[B, T, hidden_size]</c>, for pooled features <c>[B, T, F]</c>.</summary>
    /// <param name="features">Pooled, flattened features per frame.</param>
    protected abstract Tensor RunRecurrent(Tensor features);

    /// <summary>Predicts every frame.</summary>
    /// <param name="input">Feature maps <c>[B, T, in_channels, height, width]</c>.</param>
    /// <returns>(valence, arousal) per frame, <c>[B, T, outputs]</c>, in [−1, 1].</returns>
    public override Tensor forward(Tensor input)
    {
        long batch = input.size(0), steps = input.size(1);
        var features = pool.forward(input.flatten(0, 1)).reshape(batch, steps, -1);
        return fc.forward(RunRecurrent(features)).tanh();
    }
}
