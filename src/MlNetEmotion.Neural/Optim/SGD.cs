namespace MlNetEmotion.Neural.Optim;

/// <summary>Stochastic gradient descent with momentum, dampening, Nesterov and L2 weight decay, as in PyTorch 1.13.</summary>
public sealed class SGD : Optimizer
{
    private readonly StateStore state = new(1);

    /// <inheritdoc/>
    protected override StateStore? State => state;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="momentum">Momentum factor (0 = plain SGD).</param>
    /// <param name="dampening">Dampening of the momentum's gradient term.</param>
    /// <param name="weight_decay">L2 penalty added to the gradient.</param>
    /// <param name="nesterov">Nesterov momentum (needs momentum &gt; 0 and dampening 0).</param>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false)
        : base(parameters, lr)
    {
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening.", nameof(nesterov));
        this.momentum = momentum;
        this.dampening = dampening;
        this.weight_decay = weight_decay;
        this.nesterov = nesterov;
    }

    /// <summary>Momentum factor.</summary>
    public double momentum { get; }

    /// <summary>Dampening.</summary>
    public double dampening { get; }

    /// <summary>L2 weight decay.</summary>
    public double weight_decay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool nesterov { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad, double lr)
    {
        float wd = (float)weight_decay, mom = (float)momentum, damp = (float)(1 - dampening), step = (float)-lr;
        float[]? buf = null;
        bool created = false;
        if (momentum != 0) buf = state.Get(index, param.Length, out created)[0];
        for (int i = 0; i < param.Length; i++)
        {
            float d = grad[i];
            if (wd != 0) d += wd * param[i];
            if (buf is not null)
            {
                buf[i] = created ? d : mom * buf[i] + damp * d;
                d = nesterov ? d + mom * buf[i] : buf[i];
            }
            param[i] += step * d;
        }
    }
}
