namespace MlNetEmotion.Neural.Modules;

/// <summary>Shared batch-norm layer: learnable per-channel affine, running statistics, train/eval behaviour.</summary>
public abstract class BatchNorm : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer; weight 1, bias 0, running mean 0, running var 1 (PyTorch defaults).</summary>
    protected BatchNorm(string name, int[] ranks, long num_features, double eps, double momentum, bool affine, bool track_running_stats) : base(name)
    {
        ExpectedRanks = ranks;
        this.num_features = num_features;
        this.eps = eps;
        this.momentum = momentum;
        if (affine)
        {
            weight = torch.ones(num_features);
            bias = torch.zeros(num_features);
            register_parameter("weight", weight);
            register_parameter("bias", bias);
        }
        if (track_running_stats)
        {
            running_mean = torch.zeros(num_features);
            running_var = torch.ones(num_features);
            num_batches_tracked = torch.tensor([0L], []);
            register_buffer("running_mean", running_mean);
            register_buffer("running_var", running_var);
            register_buffer("num_batches_tracked", num_batches_tracked);
        }
    }

    private int[] ExpectedRanks { get; }

    /// <summary>Channels C.</summary>
    public long num_features { get; }

    /// <summary>Added to the variance.</summary>
    public double eps { get; }

    /// <summary>Running-average factor: running = (1 − momentum)·running + momentum·batch.</summary>
    public double momentum { get; }

    /// <summary>Scale γ [C] or null.</summary>
    public Tensor? weight { get; }

    /// <summary>Shift β [C] or null.</summary>
    public Tensor? bias { get; }

    /// <summary>Running mean [C] or null.</summary>
    public Tensor? running_mean { get; }

    /// <summary>Running unbiased variance [C] or null.</summary>
    public Tensor? running_var { get; }

    /// <summary>Number of training batches seen (0-d int64) or null.</summary>
    public Tensor? num_batches_tracked { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (!ExpectedRanks.Contains(input.ndim) || input.size(1) != num_features)
            throw new ShapeMismatchException(GetName(), input.shape, [num_features],
                $"expected a {string.Join(" or ", ExpectedRanks.Select(r => r + "-D"))} input with {num_features} channels in dim 1");
        bool useBatch = training || running_mean is null;
        if (training && num_batches_tracked is not null) num_batches_tracked.AsInt64Span()[0]++;
        return torch.nn.functional.batch_norm(input, running_mean, running_var, weight, bias, useBatch, momentum, eps);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetName()}({num_features}, eps={eps}, momentum={momentum}, affine={weight is not null})";
}

/// <summary>Batch norm over [N, C] or [N, C, L] (<c>torch.nn.BatchNorm1d</c>).</summary>
/// <param name="num_features">Channels C.</param>
/// <param name="eps">Added to the variance.</param>
/// <param name="momentum">Running-average factor.</param>
/// <param name="affine">Learn γ and β.</param>
/// <param name="track_running_stats">Keep running statistics for eval mode.</param>
public sealed class BatchNorm1d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool track_running_stats = true)
    : BatchNorm("BatchNorm1d", [2, 3], num_features, eps, momentum, affine, track_running_stats);

/// <summary>Batch norm over [N, C, H, W] (<c>torch.nn.BatchNorm2d</c>).</summary>
/// <param name="num_features">Channels C.</param>
/// <param name="eps">Added to the variance.</param>
/// <param name="momentum">Running-average factor.</param>
/// <param name="affine">Learn γ and β.</param>
/// <param name="track_running_stats">Keep running statistics for eval mode.</param>
public sealed class BatchNorm2d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool track_running_stats = true)
    : BatchNorm("BatchNorm2d", [4], num_features, eps, momentum, affine, track_running_stats);

/// <summary>Layer norm over the trailing <c>normalized_shape</c> dims (<c>torch.nn.LayerNorm</c>); weight 1, bias 0.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="normalized_shape">Trailing dims to normalise over.</param>
    /// <param name="eps">Added to the variance.</param>
    /// <param name="elementwise_affine">Learn γ and β of that shape.</param>
    public LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true) : base("LayerNorm")
    {
        this.normalized_shape = (long[])normalized_shape.Clone();
        this.eps = eps;
        if (elementwise_affine)
        {
            weight = torch.ones(normalized_shape);
            bias = torch.zeros(normalized_shape);
            register_parameter("weight", weight);
            register_parameter("bias", bias);
        }
    }

    /// <summary>Creates the layer over the last dim of size <paramref name="normalized_shape"/>.</summary>
    public LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true) : this([normalized_shape], eps, elementwise_affine)
    {
    }

    /// <summary>Trailing dims normalised over.</summary>
    public long[] normalized_shape { get; }

    /// <summary>Added to the variance.</summary>
    public double eps { get; }

    /// <summary>Scale γ or null.</summary>
    public Tensor? weight { get; }

    /// <summary>Shift β or null.</summary>
    public Tensor? bias { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => torch.nn.functional.layer_norm(input, normalized_shape, weight, bias, eps);
}
