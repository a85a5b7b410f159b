using System.Numerics;

namespace MlNetEmotion.Neural.Optim;

/// <summary>Adam (and AdamW with decoupled decay) exactly as PyTorch 1.13's single-tensor update.</summary>
public class Adam : Optimizer
{
    private readonly StateStore state;

    /// <inheritdoc/>
    protected override StateStore? State => state;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="beta1">Decay of the first-moment average.</param>
    /// <param name="beta2">Decay of the second-moment average.</param>
    /// <param name="eps">Added to the denominator.</param>
    /// <param name="weight_decay">L2 penalty added to the gradient (Adam) or decoupled decay (AdamW).</param>
    /// <param name="amsgrad">Use the running maximum of the second moment.</param>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false)
        : base(parameters, lr)
    {
        if (beta1 < 0 || beta1 >= 1) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "Adam: beta1 must be in [0, 1).");
        if (beta2 < 0 || beta2 >= 1) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "Adam: beta2 must be in [0, 1).");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weight_decay = weight_decay;
        this.amsgrad = amsgrad;
        state = new StateStore(amsgrad ? 3 : 2);
    }

    /// <summary>First-moment decay.</summary>
    public double beta1 { get; }

    /// <summary>Second-moment decay.</summary>
    public double beta2 { get; }

    /// <summary>Denominator epsilon.</summary>
    public double eps { get; }

    /// <summary>Weight decay.</summary>
    public double weight_decay { get; }

    /// <summary>Whether AMSGrad is used.</summary>
    public bool amsgrad { get; }

    /// <summary>True for AdamW: decay multiplies the parameter by (1 − lr·wd) instead of entering the gradient.</summary>
    protected virtual bool Decoupled => false;

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> param, ReadOnlySpan<float> grad, double lr)
    {
        var buffers = state.Get(index, param.Length, out _);
        var m = buffers[0];
        var v = buffers[1];
        var vmax = amsgrad ? buffers[2] : null;
        long step = state.NextStep(index);
        double bc1 = 1 - Math.Pow(beta1, step);
        double bc2 = 1 - Math.Pow(beta2, step);
        float stepSize = (float)(lr / bc1);
        float bc2Sqrt = (float)Math.Sqrt(bc2);
        float b1 = (float)beta1, b2 = (float)beta2, a1 = (float)(1 - beta1), a2 = (float)(1 - beta2), e = (float)eps;
        float wd = Decoupled ? 0f : (float)weight_decay;
        float decay = Decoupled ? (float)(1 - lr * weight_decay) : 1f;
        int i = 0;
        if (Vector.IsHardwareAccelerated && vmax is null)
        {
            // Same operations in the same order as the scalar loop below, so results are identical.
            int width = Vector<float>.Count;
            var vb1 = new Vector<float>(b1);
            var vb2 = new Vector<float>(b2);
            var va1 = new Vector<float>(a1);
            var va2 = new Vector<float>(a2);
            var ve = new Vector<float>(e);
            var vwd = new Vector<float>(wd);
            var vdecay = new Vector<float>(decay);
            var vbc2 = new Vector<float>(bc2Sqrt);
            var vstep = new Vector<float>(-stepSize);
            for (; i <= param.Length - width; i += width)
            {
                var p = new Vector<float>(param.Slice(i));
                if (decay != 1f) p *= vdecay;
                var g = new Vector<float>(grad.Slice(i));
                if (wd != 0) g += vwd * p;
                var mv = new Vector<float>(m, i) * vb1 + va1 * g;
                var vv = new Vector<float>(v, i) * vb2 + va2 * g * g;
                mv.CopyTo(m, i);
                vv.CopyTo(v, i);
                var denom = Vector.SquareRoot(vv) / vbc2 + ve;
                (p + vstep * mv / denom).CopyTo(param.Slice(i));
            }
        }
        for (; i < param.Length; i++)
        {
            if (decay != 1f) param[i] *= decay;
            float g = grad[i];
            if (wd != 0) g += wd * param[i];
            m[i] = m[i] * b1 + a1 * g;
            v[i] = v[i] * b2 + a2 * g * g;
            float vv = v[i];
            if (vmax is not null)
            {
                vmax[i] = Math.Max(vmax[i], vv);
                vv = vmax[i];
            }
            float denom = MathF.Sqrt(vv) / bc2Sqrt + e;
            param[i] += -stepSize * m[i] / denom;
        }
    }
}

/// <summary>AdamW: Adam with decoupled weight decay (PyTorch 1.13, default weight_decay 0.01).</summary>
/// <param name="parameters">Parameters to update.</param>
/// <param name="lr">Learning rate.</param>
/// <param name="beta1">Decay of the first-moment average.</param>
/// <param name="beta2">Decay of the second-moment average.</param>
/// <param name="eps">Added to the denominator.</param>
/// <param name="weight_decay">Decoupled decay coefficient.</param>
/// <param name="amsgrad">Use the running maximum of the second moment.</param>
public sealed class AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
    double weight_decay = 0.01, bool amsgrad = false) : Adam(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad)
{
    /// <inheritdoc/>
    protected override bool Decoupled => true;
}
