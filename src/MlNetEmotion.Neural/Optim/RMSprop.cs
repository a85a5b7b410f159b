namespace MlNetEmotion.Neural.Optim;

/// <summary>RMSprop as in PyTorch 1.13 (optionally centered, with momentum and L2 weight decay).</summary>
public sealed class RMSprop : Optimizer
{
    private readonly StateStore state = new(3);

    /// <inheritdoc/>
    protected override StateStore? State => state;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="alpha">Smoothing constant of the squared-gradient average.</param>
    /// <param name="eps">Added to the denominator.</param>
    /// <param name="weight_decay">L2 penalty added to the gradient.</param>
    /// <param name="momentum">Momentum factor.</param>
    /// <param name="centered">Normalise by the estimated variance instead of the raw second moment.</param>
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
        double momentum = 0, bool centered = false) : base(parameters, lr)
    {
        this.alpha = alpha;
        this.eps = eps;
        this.weight_decay = weight_decay;
        this.momentum = momentum;
        this.centered = centered;
    }

    /// <summary>Smoothing constant.</summary>
    public double alpha { get; }

    /// <summary>Denominator epsilon.</summary>
    public double eps { get; }

    /// <summary>L2 weight decay.</summary>
    public double weight_decay { get; }

    /// <summary>Momentum factor.</summary>
    public double momentum { get; }

    /// <summary>Whether the centered variant is used.</summary>
    public bool centered { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad, double lr)
    {
        var buffers = state.Get(index, param.Length, out _);
        float[] sq = buffers[0], buf = buffers[1], gAvg = buffers[2];
        float a = (float)alpha, oneMinusA = (float)(1 - alpha), e = (float)eps, wd = (float)weight_decay, mom = (float)momentum, step = (float)lr;
        for (int i = 0; i < param.Length; i++)
        {
            float g = grad[i];
            if (wd != 0) g += wd * param[i];
            sq[i] = sq[i] * a + oneMinusA * g * g;
            float avg;
            if (centered)
            {
                gAvg[i] = gAvg[i] * a + oneMinusA * g;
                avg = MathF.Sqrt(sq[i] - gAvg[i] * gAvg[i]) + e;
            }
            else avg = MathF.Sqrt(sq[i]) + e;
            if (mom > 0)
            {
                buf[i] = buf[i] * mom + g / avg;
                param[i] -= step * buf[i];
            }
            else param[i] += -step * g / avg;
        }
    }
}
