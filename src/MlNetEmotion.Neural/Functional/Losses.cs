using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural.Functional;

/// <summary>Loss kernels shared by <c>torch.nn.functional</c> and the loss modules.</summary>
internal static class Losses
{
    /// <summary>Moves the class dim of [N, C, d...] last and flattens to [N·d, C]; targets [N, d...] to [N·d].</summary>
    public static (Tensor Input, long[] Target, long[] RestShape) Flatten(Tensor input, Tensor target, string op)
    {
        if (input.ndim < 1) throw new ShapeMismatchException(op, input.Dims, target.Dims, "input needs a class dimension");
        var t = target.dtype == ScalarType.Int64 ? target.LongData : target.to(ScalarType.Int64).LongData;
        if (input.ndim == 1)
        {
            if (target.numel() != 1) throw new ShapeMismatchException(op, input.Dims, target.Dims, "unbatched input [C] takes one target");
            return (input.unsqueeze(0), t, []);
        }
        var expected = new List<long> { input.Dims[0] };
        for (int d = 2; d < input.ndim; d++) expected.Add(input.Dims[d]);
        if (!Shapes.Equal(target.Dims, expected.ToArray()))
            throw new ShapeMismatchException(op, input.Dims, target.Dims, $"target must be {Shapes.Format(expected.ToArray())} (input without the class dim)");
        if (input.ndim == 2) return (input, t, [input.Dims[0]]);
        var perm = new List<long> { 0 };
        for (int d = 2; d < input.ndim; d++) perm.Add(d);
        perm.Add(1);
        return (input.permute([.. perm]).reshape(-1, input.Dims[1]), t, [.. expected]);
    }

    /// <summary>Negative log-likelihood of log-probabilities [N, C] at target classes, with class weights and ignore_index.</summary>
    public static Tensor Nll(Tensor logp, long[] target, Tensor? weight, long ignoreIndex, Reduction reduction, long[] restShape)
    {
        int n = (int)logp.Dims[0], c = (int)logp.Dims[1];
        if (weight is not null && (weight.ndim != 1 || weight.Dims[0] != c))
            throw new ShapeMismatchException("nll_loss", logp.Dims, weight.Dims, $"weight must be [{c}]");
        var lp = logp.Data;
        var w = weight?.Data;
        var perSample = new float[n];
        var sampleWeight = new float[n];
        double total = 0, totalWeight = 0;
        for (int i = 0; i < n; i++)
        {
            long t = target[i];
            if (t == ignoreIndex) continue;
            if (t < 0 || t >= c) throw new ArgumentOutOfRangeException(nameof(target), t, $"nll_loss: target {t} at row {i} is outside [0, {c}).");
            float wi = w is null ? 1f : w[t];
            sampleWeight[i] = wi;
            perSample[i] = -wi * lp[i * c + t];
            total += perSample[i];
            totalWeight += wi;
        }
        Tensor y = reduction switch
        {
            Reduction.None => new Tensor(perSample, restShape),
            Reduction.Sum => torch.tensor((float)total),
            _ => torch.tensor((float)(total / totalWeight)),
        };
        float meanScale = (float)(1.0 / totalWeight);
        return Engine.Record("nll_loss", y, [logp], g =>
        {
            var gl = new float[n * c];
            var gd = g.Data;
            for (int i = 0; i < n; i++)
            {
                long t = target[i];
                if (t == ignoreIndex) continue;
                float gi = reduction switch
                {
                    Reduction.None => gd[i],
                    Reduction.Sum => gd[0],
                    _ => gd[0] * meanScale,
                };
                gl[i * c + t] = -sampleWeight[i] * gi;
            }
            return [new Tensor(gl, logp.shape)];
        });
    }

    /// <summary>Reduces per-element losses.</summary>
    public static Tensor Reduce(Tensor perElement, Reduction reduction) => reduction switch
    {
        Reduction.None => perElement,
        Reduction.Sum => perElement.sum(),
        _ => perElement.mean(),
    };

    /// <summary>Focal loss composed from differentiable ops so every input gets exact gradients.</summary>
    public static Tensor Focal(Tensor input, Tensor target, double gamma, Tensor? alpha, Tensor? classAlpha, Reduction reduction)
    {
        if (input.ndim != 2) throw new ShapeMismatchException("focal_loss", input.Dims, target.Dims, "input must be logits [N, C]");
        if (gamma < 0) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "focal_loss: gamma must be non-negative.");
        var (flat, t, rest) = Flatten(input, target, "focal_loss");
        int n = (int)flat.Dims[0];
        var idx = torch.tensor(t, n, 1);
        var logpt = flat.log_softmax(1).gather(1, idx).squeeze(1);
        var loss = logpt.neg();
        if (gamma != 0) loss = loss.mul(logpt.exp().neg().add(1f).clamp_min(0f).pow((float)gamma));
        if (classAlpha is not null)
        {
            if (classAlpha.ndim != 1 || classAlpha.Dims[0] != flat.Dims[1])
                throw new ShapeMismatchException("focal_loss", flat.Dims, classAlpha.Dims, "class_alpha must be [C]");
            loss = loss.mul(classAlpha.index_select(0, torch.tensor(t)));
        }
        if (alpha is not null)
        {
            if (alpha.ndim != 1 || alpha.Dims[0] != n)
                throw new ShapeMismatchException("focal_loss", flat.Dims, alpha.Dims, "per-sample alpha must be [N]");
            loss = loss.mul(alpha);
        }
        return Reduce(reduction == Reduction.None ? loss.reshape(rest) : loss, reduction);
    }

    /// <summary>
    /// BCE on logits, fused: loss = (1 − y)·x + lw·(log(1 + e^−|x|) + max(−x, 0)) with lw = 1 + (pos_weight − 1)·y;
    /// ∂/∂x = (1 − y) − lw·σ(−x), ∂/∂y = −x + (pos_weight − 1)·(log(1 + e^−|x|) + max(−x, 0)).
    /// <paramref name="weight"/> and <paramref name="posWeight"/> are constants (no gradient).
    /// </summary>
    public static Tensor BceWithLogits(Tensor input, Tensor target, Tensor? weight, Tensor? posWeight, Reduction reduction)
    {
        const string op = "binary_cross_entropy_with_logits";
        if (!Shapes.Equal(input.Dims, target.Dims))
            throw new ShapeMismatchException(op, input.Dims, target.Dims, "target must have the input's shape");
        var shape = input.shape;
        float[] pw = posWeight is null ? [] : posWeight.detach().expand(shape).Data;
        float[] w = weight is null ? [] : weight.detach().expand(shape).Data;
        var x = input.Data;
        var y = target.Data;
        var loss = new float[x.Length];
        var soft = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            soft[i] = MathF.Log(1f + MathF.Exp(-MathF.Abs(x[i]))) + MathF.Max(-x[i], 0f);
            float lw = pw.Length == 0 ? 1f : 1f + (pw[i] - 1f) * y[i];
            loss[i] = ((1f - y[i]) * x[i] + lw * soft[i]) * (w.Length == 0 ? 1f : w[i]);
        }
        var perElement = Engine.Record(op, new Tensor(loss, shape), [input, target], g =>
        {
            var gd = g.Data;
            Tensor? gx = null, gy = null;
            if (input.requires_grad)
            {
                var d = new float[x.Length];
                for (int i = 0; i < d.Length; i++)
                {
                    float lw = pw.Length == 0 ? 1f : 1f + (pw[i] - 1f) * y[i];
                    float sigNeg = 1f / (1f + MathF.Exp(x[i]));
                    d[i] = gd[i] * ((1f - y[i]) - lw * sigNeg) * (w.Length == 0 ? 1f : w[i]);
                }
                gx = new Tensor(d, shape);
            }
            if (target.requires_grad)
            {
                var d = new float[x.Length];
                for (int i = 0; i < d.Length; i++)
                    d[i] = gd[i] * (-x[i] + (pw.Length == 0 ? 0f : (pw[i] - 1f) * soft[i])) * (w.Length == 0 ? 1f : w[i]);
                gy = new Tensor(d, shape);
            }
            return [gx, gy];
        });
        return Reduce(perElement, reduction);
    }
}
